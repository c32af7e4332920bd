// The queue an agent came from, kept for the browser tab (sessionStorage): its tickets in order and its filters, so a
// ticket page can step to the next or previous ticket and go back to the same view.
const KEY = 'supportdesk.desk.queue';
const EMPTY = {ids: [], link: '#/queue', opened: null};

/** Remembers the queue as shown: its tickets' ids in order and the link that shows it again. */
export function rememberQueue(ids, link) {
  sessionStorage.setItem(KEY, JSON.stringify({...recalled(), ids, link}));
}

/** Notes the ticket opened from the queue, so the queue shows it selected when the agent comes back. */
export function rememberOpened(id) {
  sessionStorage.setItem(KEY, JSON.stringify({...recalled(), opened: id}));
}

export function lastOpened() {
  return recalled().opened;
}

/** The id of the ticket `step` places from `id` in the remembered queue, or null. */
export function neighbour(id, step) {
  const {ids} = recalled();
  const at = ids.indexOf(id);
  return at < 0 ? null : ids[at + step] ?? null;
}

/** The link back to the remembered queue, filters and page included. */
export function queueHref() {
  return recalled().link;
}

function recalled() {
  try {
    return {...EMPTY, ...JSON.parse(sessionStorage.getItem(KEY))};
  } catch {
    return EMPTY;
  }
}
