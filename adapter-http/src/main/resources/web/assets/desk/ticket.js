// One ticket in the console (§10): the conversation, the composer and the side panel. Every change is sent with
// If-Match = the ETag the page read, so a stale page is refused (412) and says so instead of overwriting someone
// else's change. Another agent's change shows live: refreshed in place, or, while the agent is writing, announced
// with a reload button.
import {h, replace} from '../lib/dom.js';
import {t, register} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {navigate} from '../lib/router.js';
import {onChange} from '../lib/live.js';
import {showError} from '../lib/shell.js';
import {statusLabel, priorityLabel} from '../lib/labels.js';
import {me, staff, staffNames, categories} from './directory.js';
import {nextClock, slaBadge, keepCounting} from './sla.js';
import {shortcuts} from './keys.js';
import {neighbour, queueHref, rememberOpened} from './trail.js';
import {conversation, composer} from './ticket-conversation.js';
import {sidePanel} from './ticket-panel.js';

register({
  en: {
    'ticket.back': 'Back to the queue', 'ticket.reload': 'Reload',
    'ticket.stale': 'This ticket was changed by someone else — reload to see the changes. Your change was not saved.',
    'ticket.changed': 'Changed by someone else.', 'ticket.live-message': 'New message from {who}.',
    'ticket.live-changed': 'Changed by someone else: the page shows the latest.', 'ticket.failed': 'Not saved: {detail}',
    'ticket.unreadable': 'Could not read the ticket again: {detail}',
    'ticket.saved': 'Saved.', 'ticket.sent-public': 'Reply sent to the customer.', 'ticket.sent-internal': 'Internal note added.',
    'ticket.no-neighbour': 'No more tickets that way in the queue.', 'ticket.closed-note': 'Closed tickets take no new messages.',
    'ticket.escalated': 'Escalated', 'ticket.tags': 'Tags:',
    'ticket.key.next': 'Next ticket of the queue', 'ticket.key.previous': 'Previous ticket of the queue',
    'ticket.key.reply': 'Write a reply to the customer', 'ticket.key.note': 'Write an internal note',
    'ticket.key.back': 'Back to the queue',
  },
  ru: {
    'ticket.back': 'Назад к очереди', 'ticket.reload': 'Обновить',
    'ticket.stale': 'Это обращение изменил кто-то другой — обновите страницу, чтобы увидеть изменения. Ваше изменение не сохранено.',
    'ticket.changed': 'Изменено кем-то другим.', 'ticket.live-message': 'Новое сообщение от {who}.',
    'ticket.live-changed': 'Изменено кем-то другим: на странице последняя версия.', 'ticket.failed': 'Не сохранено: {detail}',
    'ticket.unreadable': 'Не удалось заново прочитать обращение: {detail}',
    'ticket.saved': 'Сохранено.', 'ticket.sent-public': 'Ответ клиенту отправлен.', 'ticket.sent-internal': 'Внутренняя заметка добавлена.',
    'ticket.no-neighbour': 'В очереди больше нет обращений в эту сторону.', 'ticket.closed-note': 'Закрытое обращение не принимает новых сообщений.',
    'ticket.escalated': 'Эскалировано', 'ticket.tags': 'Метки:',
    'ticket.key.next': 'Следующее обращение очереди', 'ticket.key.previous': 'Предыдущее обращение очереди',
    'ticket.key.reply': 'Написать ответ клиенту', 'ticket.key.note': 'Написать внутреннюю заметку',
    'ticket.key.back': 'Назад к очереди',
  },
});

/** Bursts of events (an assignment moves the status too) become one refresh. */
const LIVE_DELAY_MS = 300;

export default async function ticketPage(outlet, params, query, signal) {
  try {
    const [person, people, nameOf, categoryList] = await Promise.all([me(), staff(), staffNames(), categories()]);
    let state = await read(params.id);
    const path = `/api/v1/tickets/${state.ticket.id}`;
    const requester = person.role === 'admin' ? await requesterFacts(state.ticket) : null;
    const heading = h('h1', {});
    const facts = h('p', {class: 'ticket-meta'});
    const notice = h('div', {class: 'notice', 'aria-live': 'polite'});
    const problem = h('div', {class: 'error', role: 'alert'});
    const talk = h('div', {});
    const writing = h('div', {});
    const panelBox = h('div', {});
    let busy = 0;
    let seenVersion = 0;
    let streamReset = false;
    let panelTyped = false;
    let liveTimer = null;

    const reloadButton = () => h('button', {type: 'button', class: 'reload', onclick: () => {
      replace(problem);
      refresh().catch(unreadable);
    }}, t('ticket.reload'));
    const unreadable = (error) => replace(problem, t('ticket.unreadable', {detail: error.message}));
    const report = (error) => replace(problem, error.status === 412
      ? [t('ticket.stale'), ' ', reloadButton()]
      : t('ticket.failed', {detail: error.message}));

    /** A write; guarded ones carry If-Match. Answers whether it went; either way the page then shows the truth. */
    const write = async (method, target, body, {guarded = true, done = t('ticket.saved')} = {}) => {
      busy += 1;
      replace(problem);
      try {
        await api.send(method, target, body, guarded ? {ifMatch: state.etag} : {});
        await refresh(done);
        return true;
      } catch (error) {
        report(error);
        renderPanel();
        return false;
      } finally {
        busy -= 1;
        settle();
      }
    };
    /** Splits the ticket and opens the new one; a refusal shows here. */
    const split = async (body) => {
      busy += 1;
      replace(problem);
      try {
        const created = await api.post(`${path}/split`, body);
        navigate(`/tickets/${created.id}`);
      } catch (error) {
        report(error);
      } finally {
        busy -= 1;
      }
    };
    const compose = composer((message) => write('POST', `${path}/messages`, message,
      {guarded: false, done: t(`ticket.sent-${message.kind}`)}), report);

    const renderPanel = () => {
      const focused = panelBox.contains(document.activeElement) ? document.activeElement.getAttribute('name') : null;
      replace(panelBox, sidePanel({...state, requester, me: person, staff: people, nameOf, categories: categoryList, write, split, path}));
      panelTyped = false;
      if (focused) panelBox.querySelector(`[name="${focused}"]`)?.focus();
    };
    const render = (fresh) => {
      const {ticket} = state;
      replace(heading, ticket.subject);
      replace(facts, ticket.number, ' · ', h('span', {class: `status status-${ticket.status}`}, statusLabel(ticket.status)),
        ' · ', h('span', {class: `priority priority-${ticket.priority}`}, priorityLabel(ticket.priority)),
        ' · ', slaBadge(nextClock(ticket)),
        ticket.escalated ? [' · ', h('span', {class: 'badge escalated'}, t('ticket.escalated'))] : null,
        ticket.tags.length ? [' · ', h('span', {class: 'visually-hidden'}, t('ticket.tags')),
          ticket.tags.map((tag) => [h('span', {class: 'tag'}, tag), ' '])] : null);
      replace(talk, conversation(ticket, fresh));
      if (ticket.status === 'closed') replace(writing, h('p', {class: 'muted'}, t('ticket.closed-note')));
      else if (!writing.contains(compose.element)) replace(writing, compose.element);
      renderPanel();
    };
    const refresh = async (announcement) => {
      const known = new Set(state.ticket.messages.map((message) => message.id));
      state = await read(state.ticket.id);
      streamReset = false;
      const fresh = state.ticket.messages.filter((message) => !known.has(message.id));
      render(new Set(announcement === undefined ? [] : fresh.map((message) => message.id)));
      const said = typeof announcement === 'function' ? announcement(fresh) : announcement;
      replace(notice, said);
    };

    // The agent is mid-edit while a draft or typed panel text would be lost, or simply overlooked, by a refresh.
    const midEdit = () => compose.hasDraft() || panelTyped;
    const settle = () => {
      if (busy || (!streamReset && seenVersion <= state.ticket.version)) return;
      if (midEdit()) {
        replace(notice, t('ticket.changed'), ' ', reloadButton());
        return;
      }
      clearTimeout(liveTimer);
      liveTimer = setTimeout(() => refresh((fresh) => fresh.length
        ? t('ticket.live-message', {who: fresh[fresh.length - 1].author.name})
        : t('ticket.live-changed')).catch(unreadable), LIVE_DELAY_MS);
    };
    onChange((event) => {
      if (event.type === 'reset') streamReset = true;
      else if (event.ticket_id === state.ticket.id && event.version) seenVersion = Math.max(seenVersion, event.version);
      settle();
    }, signal);
    signal.addEventListener('abort', () => clearTimeout(liveTimer));
    panelBox.addEventListener('input', (event) => { if (event.target.matches('input[type=text], input:not([type])')) panelTyped = true; });

    const step = (by) => {
      const id = neighbour(state.ticket.id, by);
      if (!id) {
        replace(notice, t('ticket.no-neighbour'));
        return;
      }
      rememberOpened(id);
      navigate(`/tickets/${id}`);
    };
    const help = shortcuts([
      {keys: ['j'], label: t('ticket.key.next'), run: () => step(1)},
      {keys: ['k'], label: t('ticket.key.previous'), run: () => step(-1)},
      {keys: ['r'], label: t('ticket.key.reply'), run: () => compose.focus('public')},
      {keys: ['n'], label: t('ticket.key.note'), run: () => compose.focus('internal')},
      {keys: ['Escape'], label: t('ticket.key.back'), run: () => { window.location.hash = queueHref(); }},
    ], signal);

    replace(outlet, heading,
      h('div', {class: 'page-head'}, facts, h('a', {href: queueHref(), class: 'back'}, t('ticket.back')), help),
      h('div', {class: 'ticket-alerts'}, notice, problem),
      h('div', {class: 'columns'},
        h('section', {class: 'talk', 'aria-labelledby': 'talk-title'}, h('h2', {id: 'talk-title'}, t('talk.title')), talk, writing),
        panelBox));
    render();
    keepCounting(outlet, signal);
  } catch (error) {
    showError(outlet, error);
  }
}

/**
 * The ticket with its ETag, its SLA explanation and its history, read together; and, while it is merged, the number
 * and subject of the ticket it went into (null when that one cannot be read, e.g. deleted).
 */
async function read(id) {
  const ticketPath = `/api/v1/tickets/${encodeURIComponent(id)}`;
  const [answer, sla, history] = await Promise.all([
    api.send('GET', ticketPath), api.get(`${ticketPath}/sla`), api.get(`${ticketPath}/history`)]);
  const target = answer.body.merged_into
    ? await api.get(`/api/v1/tickets/${answer.body.merged_into}`).catch(() => null) : null;
  return {ticket: answer.body, etag: answer.etag, sla, history: history.items,
    mergedInto: target && {number: target.number, subject: target.subject}};
}

/** What only admins may read of the requester (agents see the name the ticket carries). */
async function requesterFacts(ticket) {
  const [person, organization] = await Promise.all([
    api.get(`/api/v1/customers/${ticket.requester.id}`),
    ticket.organization_id ? api.get(`/api/v1/organizations/${ticket.organization_id}`) : null]);
  return {email: person.email, organization: organization?.name};
}
