// My tickets: the customer's tickets (and their organisation's when it shares them), newest first, filtered by status
// and searched; the filter, search and page live in the URL (#/tickets?status=open&q=printer&page=2). The list
// reloads when one of the tickets changes.
import {h, replace, field, select} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import {statusLabel, priorityLabel} from '../lib/labels.js';
import {href, replaceQuery} from '../lib/router.js';
import {onChange} from '../lib/live.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';
import {pager, debounce, pageNumber} from './lists.js';

register({
  en: {'tickets.title': 'My tickets', 'tickets.none': 'No tickets yet.', 'tickets.no-match': 'No tickets match.',
    'tickets.file': 'File a new ticket', 'tickets.search': 'Search',
    'tickets.search-hint': 'Number, subject or words of the conversation', 'tickets.show': 'Show',
    'tickets.filter.all': 'All tickets', 'tickets.filter.open': 'Open', 'tickets.filter.waiting': 'Waiting on you',
    'tickets.filter.resolved': 'Resolved or closed', 'tickets.col.number': 'Number', 'tickets.col.subject': 'Subject',
    'tickets.col.status': 'Status', 'tickets.col.priority': 'Priority', 'tickets.col.updated': 'Updated',
    'tickets.count': 'Tickets found: {total}'},
  ru: {'tickets.title': 'Мои обращения', 'tickets.none': 'Обращений пока нет.', 'tickets.no-match': 'Подходящих обращений нет.',
    'tickets.file': 'Создать обращение', 'tickets.search': 'Поиск',
    'tickets.search-hint': 'Номер, тема или слова из переписки', 'tickets.show': 'Показать',
    'tickets.filter.all': 'Все обращения', 'tickets.filter.open': 'Открытые', 'tickets.filter.waiting': 'Ждут вашего ответа',
    'tickets.filter.resolved': 'Решённые и закрытые', 'tickets.col.number': 'Номер', 'tickets.col.subject': 'Тема',
    'tickets.col.status': 'Статус', 'tickets.col.priority': 'Приоритет', 'tickets.col.updated': 'Обновлено',
    'tickets.count': 'Найдено обращений: {total}'},
});

// The filter's choices and the statuses each asks the API for (open as /portal/me counts it).
const FILTERS = {
  all: 'all',
  open: 'new,in_progress,waiting_on_customer,on_hold',
  waiting: 'waiting_on_customer',
  resolved: 'resolved,closed',
};
const QUIET_MS = 300;

export default async function ticketsPage(outlet, params, query, signal) {
  const state = {
    filter: FILTERS[query.get('status')] ? query.get('status') : 'all',
    q: query.get('q') || '',
    page: pageNumber(query),
  };
  const count = h('p', {class: 'count', role: 'status'});
  const results = h('div', {class: 'results'});
  let latest = 0;
  const load = async () => {
    if (signal.aborted) return;
    const asked = ++latest;
    replaceQuery({status: state.filter === 'all' ? '' : state.filter, q: state.q,
      page: state.page > 1 ? state.page : ''});
    try {
      const page = await api.get('/api/v1/portal/tickets',
        {status: FILTERS[state.filter], q: state.q, page: state.page});
      if (signal.aborted || asked !== latest) return; // the reader moved on, or asked again since
      replace(count, t('tickets.count', {total: page.pagination.total}));
      replace(results, listing(page, state, (number) => { state.page = number; load(); }));
    } catch (error) {
      showError(results, error);
    }
  };
  replace(outlet,
    h('h1', {}, t('tickets.title')),
    h('div', {class: 'portal-bar'},
      filters(state, () => { state.page = 1; load(); }),
      h('a', {class: 'button primary', href: '#/new'}, t('tickets.file'))),
    count,
    results);
  await load();
  onChange(debounce(load, QUIET_MS), signal);
}

function filters(state, changed) {
  const search = h('input', {type: 'search', name: 'q', value: state.q, autocomplete: 'off'});
  const searchNow = () => { state.q = search.value.trim(); changed(); };
  search.addEventListener('input', debounce(searchNow, QUIET_MS));
  const status = select('status', Object.keys(FILTERS).map((key) => [key, t(`tickets.filter.${key}`)]), state.filter);
  status.addEventListener('change', () => { state.filter = status.value; changed(); });
  const form = h('form', {class: 'toolbar', role: 'search'},
    field(t('tickets.search'), search, t('tickets.search-hint')),
    field(t('tickets.show'), status));
  form.addEventListener('submit', (event) => { event.preventDefault(); searchNow(); });
  return form;
}

function listing(page, state, goTo) {
  if (page.items.length === 0) {
    return h('p', {class: 'empty'}, state.filter !== 'all' || state.q ? t('tickets.no-match') : t('tickets.none'));
  }
  return [
    h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, ['number', 'subject', 'status', 'priority', 'updated'].map((column) =>
        h('th', {scope: 'col'}, t(`tickets.col.${column}`))))),
      h('tbody', {}, page.items.map((ticket) => h('tr', {},
        h('td', {class: 'number'}, ticket.number),
        h('td', {class: 'subject'}, h('a', {href: href(`/tickets/${ticket.id}`)}, ticket.subject)),
        h('td', {}, h('span', {class: `status status-${ticket.status}`}, statusLabel(ticket.status))),
        h('td', {}, priorityLabel(ticket.priority)),
        h('td', {}, dateTime(ticket.updated_at)))))),
    pager(page.pagination, goTo),
  ];
}
