// The call-back queue (§10): customers' requests to be called, soonest due first, with the queue's filters in the URL.
// Staff schedule, assign, note the outcome and close them; the list follows the event stream.
import {h, replace, field, select} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';
import {navigate} from '../lib/router.js';
import {onChange} from '../lib/live.js';
import {pager} from '../lib/paging.js';
import {onSubmit, confirmAction} from '../lib/forms.js';

register({
  en: {
    'calls.title': 'Call-backs', 'calls.filters': 'Filter the call-backs', 'calls.status': 'Status',
    'calls.open': 'Open (requested or scheduled)', 'calls.all': 'All', 'calls.assignee': 'Assignee',
    'calls.anyone': 'Anyone', 'calls.me': 'Me', 'calls.nobody': 'Nobody', 'calls.due-from': 'Due from',
    'calls.due-to': 'Due until (included)', 'calls.apply': 'Apply', 'calls.none': 'No call-backs match.',
    'calls.due': 'Due', 'calls.now': 'as soon as possible', 'calls.phone': 'Phone', 'calls.note': 'Customer\'s note',
    'calls.ticket': 'Ticket', 'calls.open-ticket': 'Open the ticket', 'calls.outcome': 'Outcome',
    'calls.requested': 'Requested', 'calls.mark-done': 'Mark done', 'calls.cancel': 'Cancel the call',
    'calls.cancel-confirm': 'Cancel the call-back for {name}? It cannot be reopened.', 'calls.edit': 'Change',
    'calls.scheduled-at': 'Call at', 'calls.save': 'Save', 'calls.saved': 'Call-back saved.',
    'calls.nothing-changed': 'Nothing was changed.', 'calls.changed': 'The queue has changed.',
    'calls.show-latest': 'Show the latest', 'calls.updated': 'The queue was updated.',
    'call.requested': 'Requested', 'call.scheduled': 'Scheduled', 'call.done': 'Done', 'call.cancelled': 'Cancelled',
  },
  ru: {
    'calls.title': 'Обратные звонки', 'calls.filters': 'Фильтр звонков', 'calls.status': 'Статус',
    'calls.open': 'Открытые (запрошены или назначены)', 'calls.all': 'Все', 'calls.assignee': 'Исполнитель',
    'calls.anyone': 'Любой', 'calls.me': 'Я', 'calls.nobody': 'Никто', 'calls.due-from': 'Срок с',
    'calls.due-to': 'Срок по (включительно)', 'calls.apply': 'Применить', 'calls.none': 'Нет подходящих звонков.',
    'calls.due': 'Срок', 'calls.now': 'как можно скорее', 'calls.phone': 'Телефон', 'calls.note': 'Заметка клиента',
    'calls.ticket': 'Обращение', 'calls.open-ticket': 'Открыть обращение', 'calls.outcome': 'Итог',
    'calls.requested': 'Запрошен', 'calls.mark-done': 'Отметить выполненным', 'calls.cancel': 'Отменить звонок',
    'calls.cancel-confirm': 'Отменить обратный звонок для {name}? Вернуть его будет нельзя.', 'calls.edit': 'Изменить',
    'calls.scheduled-at': 'Позвонить в', 'calls.save': 'Сохранить', 'calls.saved': 'Звонок сохранён.',
    'calls.nothing-changed': 'Ничего не изменено.', 'calls.changed': 'Очередь изменилась.',
    'calls.show-latest': 'Показать последнее', 'calls.updated': 'Очередь обновлена.',
    'call.requested': 'Запрошен', 'call.scheduled': 'Назначен', 'call.done': 'Выполнен', 'call.cancelled': 'Отменён',
  },
});

const OPEN = 'requested,scheduled';
const STATUSES = ['requested', 'scheduled', 'done', 'cancelled'];
// What a call may become (PATCH /calls/{id}); done and cancelled are final.
const NEXT = {requested: ['scheduled', 'done', 'cancelled'], scheduled: ['done', 'cancelled'], done: [], cancelled: []};
const CALL_EVENTS = new Set(['call_requested', 'call_updated', 'reset']);

export default async function callsPage(outlet, params, query, signal) {
  const filters = {
    status: query.get('status') || OPEN,
    assignee: query.get('assignee') || '',
    due_from: query.get('due_from') || '',
    due_to: query.get('due_to') || '',
    page: Number(query.get('page')) || 1,
  };
  try {
    const staff = await activeStaff();
    const view = {filters, staff, list: h('div', {}), live: h('div', {class: 'notice', 'aria-live': 'polite'}), shown: ''};
    replace(outlet, h('h1', {}, t('calls.title')), filterForm(filters, staff), view.live, view.list);
    show(view, await load(filters));
    onChange((event) => CALL_EVENTS.has(event.type) && refresh(view, signal)
      .catch((error) => replace(view.live, h('span', {class: 'error'}, error.message))), signal);
  } catch (error) {
    showError(outlet, error);
  }
}

async function activeStaff() {
  const page = await api.get('/api/v1/agents', {limit: 100});
  return page.items.filter((person) => person.active);
}

function load(filters) {
  return api.get('/api/v1/calls', {
    status: filters.status,
    assignee: filters.assignee,
    due_from: filters.due_from && localMidnight(filters.due_from, 0),
    due_to: filters.due_to && localMidnight(filters.due_to, 1),
    page: filters.page,
    limit: 20,
  });
}

function filterForm(filters, staff) {
  const form = h('form', {class: 'toolbar', role: 'search', 'aria-label': t('calls.filters')},
    field(t('calls.status'), select('status',
      [[OPEN, t('calls.open')], ['all', t('calls.all')], ...STATUSES.map((s) => [s, t(`call.${s}`)])], filters.status)),
    field(t('calls.assignee'), select('assignee', [['', t('calls.anyone')], ['me', t('calls.me')],
      ['none', t('calls.nobody')], ...staff.map((person) => [person.id, person.name])], filters.assignee)),
    field(t('calls.due-from'), h('input', {type: 'date', name: 'due_from', value: filters.due_from})),
    field(t('calls.due-to'), h('input', {type: 'date', name: 'due_to', value: filters.due_to})),
    h('button', {type: 'submit', class: 'primary'}, t('calls.apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/calls', Object.fromEntries(new FormData(form)));
  });
  return form;
}

function show(view, page) {
  view.shown = JSON.stringify(page);
  replace(view.list, page.items.length === 0 ? h('p', {}, t('calls.none'))
    : h('ol', {class: 'calls'}, page.items.map((call) => callCard(view, call))),
  pager(page.pagination, (number) => navigate('/calls', {...view.filters, page: number})));
}

// A change another agent made shows at once, unless the reader is busy in the list: then they choose when.
async function refresh(view, signal) {
  const page = await load(view.filters);
  if (signal.aborted || JSON.stringify(page) === view.shown) return;
  const busy = view.list.contains(document.activeElement) || view.list.querySelector('details[open]');
  if (!busy) {
    show(view, page);
    replace(view.live, t('calls.updated'));
    return;
  }
  replace(view.live, t('calls.changed'), ' ', h('button', {type: 'button', onclick: () => {
    show(view, page);
    replace(view.live);
  }}, t('calls.show-latest')));
}

function callCard(view, call) {
  const assignee = view.staff.find((person) => person.id === call.assignee_id);
  const headingId = `call-${call.id}`;
  const detail = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : null);
  return h('li', {class: 'card call', dataset: {call: call.id}},
    h('h2', {id: headingId, tabindex: '-1'}, call.requester.name, ' ',
      h('span', {class: `badge call-${call.status}`}, t(`call.${call.status}`))),
    h('dl', {class: 'figures'},
      detail(t('calls.due'), call.scheduled_at ? dateTime(call.due_at) : `${dateTime(call.due_at)} (${t('calls.now')})`),
      detail(t('calls.phone'), call.phone),
      detail(t('calls.note'), call.note && h('span', {class: 'body'}, call.note)),
      detail(t('calls.ticket'), call.ticket_id && h('a', {href: `#/tickets/${call.ticket_id}`}, t('calls.open-ticket'))),
      detail(t('calls.assignee'), assignee?.name || t('calls.nobody')),
      detail(t('calls.outcome'), call.outcome && h('span', {class: 'body'}, call.outcome)),
      detail(t('calls.requested'), dateTime(call.requested_at))),
    h('div', {class: 'actions'},
      NEXT[call.status].includes('done')
        ? h('button', {type: 'button', class: 'primary', onclick: () => change(view, call, {status: 'done'})},
          t('calls.mark-done')) : null,
      NEXT[call.status].includes('cancelled')
        ? h('button', {type: 'button', class: 'danger', onclick: async () => {
          if (await confirmAction(t('calls.cancel-confirm', {name: call.requester.name}), t('calls.cancel'))) {
            await change(view, call, {status: 'cancelled'});
          }
        }}, t('calls.cancel')) : null),
    h('details', {}, h('summary', {}, t('calls.edit')), editForm(view, call)));
}

function editForm(view, call) {
  const final = NEXT[call.status].length === 0;
  const form = h('form', {},
    final ? null : field(t('calls.status'),
      select('status', [call.status, ...NEXT[call.status]].map((s) => [s, t(`call.${s}`)]), call.status)),
    final ? null : field(t('calls.scheduled-at'),
      h('input', {type: 'datetime-local', name: 'scheduled_at', value: localInput(call.scheduled_at)})),
    final ? null : field(t('calls.assignee'), select('assignee_id',
      [['', t('calls.nobody')], ...view.staff.map((person) => [person.id, person.name])], call.assignee_id || '')),
    field(t('calls.outcome'), h('textarea', {name: 'outcome', maxlength: 5000}, call.outcome || '')),
    h('button', {type: 'submit', class: 'primary'}, t('calls.save')));
  return onSubmit(form, async (values) => {
    const patch = {};
    if (values.status && values.status !== call.status) patch.status = values.status;
    if (values.scheduled_at && values.scheduled_at !== localInput(call.scheduled_at)) {
      patch.scheduled_at = new Date(values.scheduled_at).toISOString();
    }
    if (!final && (values.assignee_id || null) !== call.assignee_id) patch.assignee_id = values.assignee_id || null;
    if (values.outcome && values.outcome !== call.outcome) patch.outcome = values.outcome;
    if (Object.keys(patch).length === 0) throw new Error(t('calls.nothing-changed'));
    await change(view, call, patch, form);
  });
}

// Saves a change, shows the queue as it now is and keeps the reader at the call they worked on.
async function change(view, call, patch, form) {
  try {
    await api.patch(`/api/v1/calls/${call.id}`, patch);
  } catch (error) {
    if (form) throw error;
    replace(view.live, h('span', {class: 'error', role: 'alert'}, error.message));
    return;
  }
  show(view, await load(view.filters));
  replace(view.live, t('calls.saved'));
  (document.getElementById(`call-${call.id}`) || document.querySelector('main h1')).focus();
}

// The start of a day of the reader's calendar (plus some days), as an instant: the end of a day named as included is
// the start of the next.
function localMidnight(day, plusDays) {
  const date = new Date(`${day}T00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
}

// A time as a datetime-local input shows it: the reader's local wall clock, to the minute.
function localInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
