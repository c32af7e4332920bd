// The queue (§10): the tenant's tickets with every filter, sort and page of GET /api/v1/tickets, all kept in the URL
// so a reload or a link reopens the same view; refreshed live; j/k/Enter work it from the keyboard.
import {h, replace, field, select} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {href, replaceQuery} from '../lib/router.js';
import {onChange} from '../lib/live.js';
import {showError} from '../lib/shell.js';
import {STATUSES, PRIORITIES, statusLabel, priorityLabel} from '../lib/labels.js';
import {me, staffNames, staff, categories} from './directory.js';
import {nextClock, slaBadge, keepCounting} from './sla.js';
import {shortcuts} from './keys.js';
import {rememberQueue, rememberOpened, lastOpened} from './trail.js';

register({
  en: {
    'queue.title': 'Queue', 'queue.none': 'No tickets match these filters.', 'queue.count': '{count} tickets',
    'queue.filters': 'Filters', 'queue.more': 'More filters', 'queue.apply': 'Apply', 'queue.clear': 'Clear filters',
    'queue.q': 'Search', 'queue.q-hint': 'Number, subject, text, requester', 'queue.status': 'Status',
    'queue.priority': 'Priority', 'queue.category': 'Category', 'queue.assignee': 'Assignee', 'queue.tag': 'Tag',
    'queue.requester': 'Requester (id or email)', 'queue.organization': 'Organisation (id)',
    'queue.escalated': 'Escalated', 'queue.sla_breached': 'SLA breached', 'queue.created_from': 'Created from',
    'queue.created_to': 'Created to', 'queue.sort': 'Sort by', 'queue.direction': 'Order', 'queue.limit': 'Per page',
    'queue.any': 'Any', 'queue.me': 'Me', 'queue.nobody': 'Nobody', 'queue.yes': 'Yes', 'queue.no': 'No',
    'queue.sort-default': 'Default (newest, or best match)', 'queue.sort.created': 'Created',
    'queue.sort.updated': 'Updated', 'queue.sort.priority': 'Priority', 'queue.sort.due': 'Due time',
    'queue.sort.relevance': 'Relevance', 'queue.desc': 'Descending', 'queue.asc': 'Ascending',
    'queue.export': 'Export CSV', 'queue.pages': 'Pages', 'queue.page': 'Page {page} of {pages}',
    'queue.previous': 'Previous page', 'queue.next': 'Next page', 'queue.unassigned': 'Unassigned',
    'queue.escalated-badge': 'Escalated',
    'queue.col.number': 'Number', 'queue.col.subject': 'Subject', 'queue.col.requester': 'Requester',
    'queue.col.status': 'Status', 'queue.col.priority': 'Priority', 'queue.col.assignee': 'Assignee',
    'queue.col.sla': 'SLA', 'queue.col.updated': 'Updated',
    'queue.key.next': 'Select the next ticket', 'queue.key.previous': 'Select the previous ticket',
    'queue.key.open': 'Open the selected ticket', 'queue.key.search': 'Search',
  },
  ru: {
    'queue.title': 'Очередь', 'queue.none': 'Нет обращений с такими фильтрами.', 'queue.count': 'Обращений: {count}',
    'queue.filters': 'Фильтры', 'queue.more': 'Другие фильтры', 'queue.apply': 'Применить', 'queue.clear': 'Сбросить фильтры',
    'queue.q': 'Поиск', 'queue.q-hint': 'Номер, тема, текст, заявитель', 'queue.status': 'Статус',
    'queue.priority': 'Приоритет', 'queue.category': 'Категория', 'queue.assignee': 'Исполнитель', 'queue.tag': 'Метка',
    'queue.requester': 'Заявитель (id или почта)', 'queue.organization': 'Организация (id)',
    'queue.escalated': 'Эскалировано', 'queue.sla_breached': 'SLA нарушен', 'queue.created_from': 'Создано с',
    'queue.created_to': 'Создано по', 'queue.sort': 'Сортировка', 'queue.direction': 'Порядок', 'queue.limit': 'На странице',
    'queue.any': 'Любой', 'queue.me': 'Я', 'queue.nobody': 'Никто', 'queue.yes': 'Да', 'queue.no': 'Нет',
    'queue.sort-default': 'По умолчанию', 'queue.sort.created': 'Создано',
    'queue.sort.updated': 'Обновлено', 'queue.sort.priority': 'Приоритет', 'queue.sort.due': 'Срок',
    'queue.sort.relevance': 'Релевантность', 'queue.desc': 'По убыванию', 'queue.asc': 'По возрастанию',
    'queue.export': 'Выгрузить CSV', 'queue.pages': 'Страницы', 'queue.page': 'Страница {page} из {pages}',
    'queue.previous': 'Предыдущая страница', 'queue.next': 'Следующая страница', 'queue.unassigned': 'Не назначено',
    'queue.escalated-badge': 'Эскалировано',
    'queue.col.number': 'Номер', 'queue.col.subject': 'Тема', 'queue.col.requester': 'Заявитель',
    'queue.col.status': 'Статус', 'queue.col.priority': 'Приоритет', 'queue.col.assignee': 'Исполнитель',
    'queue.col.sla': 'SLA', 'queue.col.updated': 'Обновлено',
    'queue.key.next': 'Выбрать следующее обращение', 'queue.key.previous': 'Выбрать предыдущее обращение',
    'queue.key.open': 'Открыть выбранное обращение', 'queue.key.search': 'Поиск',
  },
});

/** What the queue shows when the URL names no status: the tickets still to work on. */
const OPEN = ['new', 'in_progress', 'waiting_on_customer', 'on_hold'];
const SORTS = ['created', 'updated', 'priority', 'due', 'relevance'];
const LIMITS = ['20', '50', '100'];
const TEXT_FILTERS = ['q', 'tag', 'requester', 'organization'];
const CHOICE_FILTERS = ['priority', 'category', 'assignee', 'escalated', 'sla_breached'];
const DATE_FILTERS = ['created_from', 'created_to'];
const LIVE_DELAY_MS = 1000;

export default async function queuePage(outlet, params, query, signal) {
  try {
    const [person, nameOf, people, categoryList] = await Promise.all([me(), staffNames(), staff(), categories()]);
    let view = fromQuery(query);
    const results = h('div', {class: 'queue-results'});
    const count = h('p', {class: 'count', role: 'status'});
    const exportLink = person.role === 'admin' ? h('a', {class: 'export', download: '', href: exportHref(view)}, t('queue.export')) : null;
    const form = filterForm(view, people, categoryList);
    let selectedId = lastOpened();
    let latest = 0;

    const load = async () => {
      const asked = ++latest;
      results.setAttribute('aria-busy', 'true');
      try {
        const page = await api.get('/api/v1/tickets', apiQuery(view));
        if (asked !== latest || signal.aborted) return;
        rememberQueue(page.items.map((ticket) => ticket.id), href('/queue', view));
        const hadFocus = results.contains(document.activeElement);
        replace(results, page.items.length ? table(page.items, nameOf) : h('p', {}, t('queue.none')), pager(page.pagination));
        replace(count, t('queue.count', {count: page.pagination.total}));
        markSelected(hadFocus);
      } catch (error) {
        if (asked === latest) showError(results, error);
      } finally {
        if (asked === latest) results.removeAttribute('aria-busy');
      }
    };

    const apply = (next) => {
      view = next;
      replaceQuery(view);
      exportLink?.setAttribute('href', exportHref(view));
      load();
    };

    const pager = (pagination) => pagination.total_pages <= 1 ? null : h('nav', {class: 'pager', 'aria-label': t('queue.pages')},
      h('button', {type: 'button', disabled: pagination.page <= 1, onclick: () => apply({...view, page: String(pagination.page - 1)})},
        t('queue.previous')),
      h('span', {}, t('queue.page', {page: pagination.page, pages: pagination.total_pages})),
      h('button', {type: 'button', disabled: pagination.page >= pagination.total_pages,
        onclick: () => apply({...view, page: String(pagination.page + 1)})}, t('queue.next')));

    const rows = () => [...results.querySelectorAll('tbody tr')];
    const markSelected = (focus) => {
      for (const row of rows()) row.classList.toggle('selected', row.dataset.id === selectedId);
      if (focus) results.querySelector('tr.selected a')?.focus();
    };
    const move = (step) => {
      const all = rows();
      if (!all.length) return;
      const at = all.findIndex((row) => row.dataset.id === selectedId);
      const next = all[at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(at + step, 0), all.length - 1)];
      selectedId = next.dataset.id;
      markSelected(true);
      next.scrollIntoView({block: 'nearest'});
    };
    const openSelected = () => results.querySelector('tr.selected a')?.click();

    form.addEventListener('submit', (event) => { event.preventDefault(); apply(readForm(form)); });
    form.addEventListener('change', (event) => { if (event.target.type !== 'text' && event.target.type !== 'search') apply(readForm(form)); });
    results.addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-id]');
      if (row && event.target.closest('a')) rememberOpened(row.dataset.id);
    });

    const help = shortcuts([
      {keys: ['j'], label: t('queue.key.next'), run: () => move(1)},
      {keys: ['k'], label: t('queue.key.previous'), run: () => move(-1)},
      {keys: ['Enter', 'o'], label: t('queue.key.open'), run: openSelected},
      {keys: ['/'], label: t('queue.key.search'), run: () => form.elements.q.focus()},
    ], signal);

    replace(outlet, h('div', {class: 'page-head'}, h('h1', {}, t('queue.title')), exportLink, help), form, count, results);
    await load();
    let timer = null;
    onChange((event) => {
      if (!event.ticket_id && event.type !== 'reset') return;
      clearTimeout(timer);
      timer = setTimeout(load, LIVE_DELAY_MS);
    }, signal);
    signal.addEventListener('abort', () => clearTimeout(timer));
    keepCounting(results, signal);
  } catch (error) {
    showError(outlet, error);
  }
}

/** The view the URL names: every filter as text, as the URL holds it. */
function fromQuery(query) {
  return Object.fromEntries([...query.entries()].filter(([, value]) => value !== ''));
}

/** The list's query for a view: the default statuses filled in, dates (local days) as instants. */
function apiQuery(view) {
  const {created_from: from, created_to: to, ...rest} = view;
  return {
    ...rest,
    status: view.status || OPEN.join(','),
    created_from: from ? localMidnight(from, 0) : undefined,
    created_to: to ? localMidnight(to, 1) : undefined,
  };
}

/** The start of a local day (plus `days`) as an ISO instant; "created to" includes its whole day. */
function localMidnight(date, days) {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day + days).toISOString();
}

function exportHref(view) {
  const {page, limit, ...filters} = apiQuery(view);
  return `/api/v1/tickets/export.csv${api.query(filters)}`;
}

function filterForm(view, people, categoryList) {
  const statuses = view.status === 'all' ? STATUSES : (view.status ? view.status.split(',') : OPEN);
  const [sortField, direction] = view.sort?.startsWith('-') ? [view.sort.slice(1), 'desc']
    : view.sort ? [view.sort, 'asc'] : ['', 'desc'];
  const any = ['', t('queue.any')];
  const yesNo = [any, ['true', t('queue.yes')], ['false', t('queue.no')]];
  const text = (name, type = 'text', hint) => field(t(`queue.${name}`), h('input', {name, type, value: view[name] || ''}), hint);
  const more = [
    field(t('queue.category'), select('category', [any, ...categoryList.map((c) => [c, c])], view.category)),
    text('tag'), text('requester'), text('organization'),
    field(t('queue.escalated'), select('escalated', yesNo, view.escalated)),
    field(t('queue.sla_breached'), select('sla_breached', yesNo, view.sla_breached)),
    text('created_from', 'date'), text('created_to', 'date'),
    field(t('queue.limit'), select('limit', LIMITS.map((n) => [n, n]), view.limit || '20')),
  ];
  const narrowed = ['category', 'tag', 'requester', 'organization', 'escalated', 'sla_breached', ...DATE_FILTERS]
    .some((name) => view[name]);
  return h('form', {class: 'filters card', role: 'search', 'aria-label': t('queue.filters')},
    h('div', {class: 'toolbar'},
      text('q', 'search', t('queue.q-hint')),
      field(t('queue.assignee'), select('assignee', [any, ['me', t('queue.me')], ['none', t('queue.nobody')],
        ...people.map((p) => [p.id, p.name])], view.assignee)),
      field(t('queue.priority'), select('priority', [any, ...PRIORITIES.map((p) => [p, priorityLabel(p)])], view.priority)),
      field(t('queue.sort'), select('sort', [['', t('queue.sort-default')],
        ...SORTS.map((s) => [s, t(`queue.sort.${s}`)])], sortField)),
      field(t('queue.direction'), select('direction', [['desc', t('queue.desc')], ['asc', t('queue.asc')]], direction)),
      h('button', {type: 'submit', class: 'primary'}, t('queue.apply')),
      h('a', {href: href('/queue'), class: 'clear'}, t('queue.clear'))),
    h('fieldset', {class: 'statuses'}, h('legend', {}, t('queue.status')),
      STATUSES.map((status) => h('label', {},
        h('input', {type: 'checkbox', name: 'status', value: status, checked: statuses.includes(status)}), ' ', statusLabel(status)))),
    h('details', {open: narrowed}, h('summary', {}, t('queue.more')), h('div', {class: 'toolbar'}, more)));
}

/** The view a filter form describes; a change of filters starts again at page 1. */
function readForm(form) {
  const data = new FormData(form);
  const statuses = data.getAll('status');
  const view = {status: statuses.length === 0 || statuses.length === STATUSES.length ? 'all' : statuses.join(',')};
  for (const name of [...TEXT_FILTERS, ...CHOICE_FILTERS, ...DATE_FILTERS]) {
    const value = String(data.get(name) || '').trim();
    if (value) view[name] = value;
  }
  const sort = data.get('sort');
  if (sort) view.sort = data.get('direction') === 'desc' && sort !== 'relevance' ? `-${sort}` : sort;
  if (data.get('limit') !== '20') view.limit = data.get('limit');
  return view;
}

function table(tickets, nameOf) {
  const column = (key) => h('th', {scope: 'col'}, t(`queue.col.${key}`));
  return h('table', {class: 'list queue'},
    h('thead', {}, h('tr', {}, ['number', 'subject', 'requester', 'status', 'priority', 'assignee', 'sla', 'updated'].map(column))),
    h('tbody', {}, tickets.map((ticket) => h('tr', {dataset: {id: ticket.id}},
      h('td', {class: 'number'}, ticket.number),
      h('td', {class: 'subject'}, h('a', {href: href(`/tickets/${ticket.id}`)}, ticket.subject),
        ticket.escalated ? [' ', h('span', {class: 'badge escalated'}, t('queue.escalated-badge'))] : null),
      h('td', {}, ticket.requester.name),
      h('td', {}, h('span', {class: `status status-${ticket.status}`}, statusLabel(ticket.status))),
      h('td', {}, h('span', {class: `priority priority-${ticket.priority}`}, priorityLabel(ticket.priority))),
      h('td', {}, ticket.assignee_id ? nameOf(ticket.assignee_id) : h('span', {class: 'muted'}, t('queue.unassigned'))),
      h('td', {}, slaBadge(nextClock(ticket))),
      h('td', {}, h('time', {datetime: ticket.updated_at}, dateTime(ticket.updated_at)))))));
}
