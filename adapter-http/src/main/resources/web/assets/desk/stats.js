// Stats (§10): the figures of GET /tickets/stats over a window of UTC days, as charts with their numbers, and, for
// admins, the CSV export of the tickets.
import {h, replace, field, select} from '../lib/dom.js';
import {t, register, language, duration} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';
import {navigate} from '../lib/router.js';
import {barChart} from '../lib/charts.js';
import {STATUSES, PRIORITIES, statusLabel, priorityLabel} from '../lib/labels.js';
import {isAdmin} from '../lib/session.js';

register({
  en: {
    'stats.title': 'Stats', 'stats.from': 'From (UTC day)', 'stats.to': 'To (UTC day, included)',
    'stats.priority': 'Priority', 'stats.any': 'Any', 'stats.show': 'Show',
    'stats.summary': 'Summary', 'stats.total': 'Tickets created', 'stats.unassigned': 'Unassigned',
    'stats.breached': 'SLA breached', 'stats.breached-detail': '{any} ({first} first response, {resolution} resolution)',
    'stats.resolution-rate': 'Resolved or closed', 'stats.csat': 'Customer satisfaction (CSAT)',
    'stats.csat-value': '{average} of 5 from {count} ratings', 'stats.csat-none': 'No ratings yet',
    'stats.per-day': 'Tickets created per day', 'stats.tickets': 'Tickets', 'stats.by-status': 'Tickets by status',
    'stats.times': 'First response and resolution times', 'stats.first-response': 'First response',
    'stats.resolution': 'Resolution', 'stats.average': 'Average', 'stats.median': 'Median',
    'stats.times-over': 'Tickets with a first response: {first}; resolved: {resolution}. Wall-clock time.',
    'stats.minutes': 'Minutes', 'stats.hours': 'Hours',
    'stats.export': 'Export CSV', 'stats.status': 'Status', 'stats.all': 'All',
    'stats.created-from': 'Created from (UTC day)', 'stats.created-to': 'Created to (UTC day, included)',
    'stats.download': 'Download the CSV', 'stats.export-hint': 'Every ticket these filters select, as a spreadsheet.',
  },
  ru: {
    'stats.title': 'Статистика', 'stats.from': 'С (день UTC)', 'stats.to': 'По (день UTC, включительно)',
    'stats.priority': 'Приоритет', 'stats.any': 'Любой', 'stats.show': 'Показать',
    'stats.summary': 'Сводка', 'stats.total': 'Создано обращений', 'stats.unassigned': 'Без исполнителя',
    'stats.breached': 'Нарушен SLA', 'stats.breached-detail': '{any} (первый ответ: {first}, решение: {resolution})',
    'stats.resolution-rate': 'Решено или закрыто', 'stats.csat': 'Удовлетворённость клиентов (CSAT)',
    'stats.csat-value': '{average} из 5 по {count} оценкам', 'stats.csat-none': 'Оценок пока нет',
    'stats.per-day': 'Обращений в день', 'stats.tickets': 'Обращения', 'stats.by-status': 'Обращения по статусам',
    'stats.times': 'Время первого ответа и решения', 'stats.first-response': 'Первый ответ',
    'stats.resolution': 'Решение', 'stats.average': 'Среднее', 'stats.median': 'Медиана',
    'stats.times-over': 'Обращений с первым ответом: {first}; решённых: {resolution}. Календарное время.',
    'stats.minutes': 'Минуты', 'stats.hours': 'Часы',
    'stats.export': 'Выгрузка CSV', 'stats.status': 'Статус', 'stats.all': 'Все',
    'stats.created-from': 'Созданы с (день UTC)', 'stats.created-to': 'Созданы по (день UTC, включительно)',
    'stats.download': 'Скачать CSV', 'stats.export-hint': 'Все обращения, выбранные этими фильтрами, в виде таблицы.',
  },
});

const LOCALE = language === 'ru' ? 'ru-RU' : 'en-GB';
const DAY = 24 * 60 * 60 * 1000;

export default async function statsPage(outlet, params, query, signal) {
  const range = {
    from: query.get('from') || isoDay(Date.now() - 29 * DAY),
    to: query.get('to') || isoDay(Date.now()),
    priority: query.get('priority') || '',
  };
  try {
    const [stats, admin] = await Promise.all([
      api.get('/api/v1/tickets/stats', {from: startOf(range.from), to: endOf(range.to), priority: range.priority}),
      isAdmin(),
    ]);
    if (signal.aborted) return;
    replace(outlet,
      h('h1', {}, t('stats.title')),
      filters(range),
      summary(stats),
      h('div', {class: 'charts'},
        barChart({
          title: t('stats.per-day'),
          categories: stats.per_day.map((day) => dayLabel(day.date)),
          series: [{label: t('stats.tickets'), values: stats.per_day.map((day) => day.count)}],
          axisLabel: t('stats.tickets'),
          whole: true,
        }, signal),
        barChart({
          title: t('stats.by-status'),
          categories: STATUSES.map(statusLabel),
          series: [{label: t('stats.tickets'), values: STATUSES.map((status) => stats.by_status[status])}],
          axisLabel: t('stats.tickets'),
          whole: true,
        }, signal),
        timesChart(stats, signal)),
      admin ? exportSection() : null);
  } catch (error) {
    showError(outlet, error);
  }
}

function filters(range) {
  const form = h('form', {class: 'toolbar', role: 'search', 'aria-label': t('stats.title')},
    field(t('stats.from'), h('input', {type: 'date', name: 'from', value: range.from, required: true})),
    field(t('stats.to'), h('input', {type: 'date', name: 'to', value: range.to, required: true})),
    field(t('stats.priority'), select('priority',
      [['', t('stats.any')], ...PRIORITIES.map((priority) => [priority, priorityLabel(priority)])], range.priority)),
    h('button', {type: 'submit', class: 'primary'}, t('stats.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/stats', Object.fromEntries(new FormData(form)));
  });
  return form;
}

function summary(stats) {
  const breached = stats.sla_breached;
  const figure = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  return h('section', {'aria-labelledby': 'stats-summary'},
    h('h2', {id: 'stats-summary'}, t('stats.summary')),
    h('dl', {class: 'figures'},
      figure(t('stats.total'), number(stats.total)),
      figure(t('stats.unassigned'), number(stats.unassigned)),
      figure(t('stats.breached'), t('stats.breached-detail',
        {any: number(breached.any), first: number(breached.first_response), resolution: number(breached.resolution)})),
      figure(t('stats.resolution-rate'), stats.resolution_rate === null ? '—'
        : stats.resolution_rate.toLocaleString(LOCALE, {style: 'percent', maximumFractionDigits: 1})),
      figure(t('stats.csat'), csat(stats.csat))));
}

function csat({average, count}) {
  if (average === null) return t('stats.csat-none');
  const text = t('stats.csat-value', {average: number(average, 2), count: number(count)});
  return [h('meter', {min: 1, max: 5, low: 2.5, high: 4, optimum: 5, value: average, 'aria-label': text}), ' ', text];
}

// Times in minutes, or in hours when minutes would make the axis unreadable; the table keeps "2 h 05 min".
function timesChart(stats, signal) {
  const first = stats.first_response_minutes;
  const resolution = stats.resolution_minutes;
  const largest = Math.max(first.average ?? 0, first.median ?? 0, resolution.average ?? 0, resolution.median ?? 0);
  const perUnit = largest >= 120 ? 60 : 1;
  const inUnit = (minutes) => (minutes === null ? null : minutes / perUnit);
  return h('div', {},
    barChart({
      title: t('stats.times'),
      categories: [t('stats.first-response'), t('stats.resolution')],
      series: [
        {label: t('stats.average'), values: [inUnit(first.average), inUnit(resolution.average)]},
        {label: t('stats.median'), values: [inUnit(first.median), inUnit(resolution.median)]},
      ],
      format: (value) => duration(value === null ? null : value * perUnit),
      axisLabel: perUnit === 60 ? t('stats.hours') : t('stats.minutes'),
    }, signal),
    h('p', {class: 'hint'}, t('stats.times-over', {first: number(first.count), resolution: number(resolution.count)})));
}

// Admins download every ticket the filters select; the link carries the session cookie like any page request.
function exportSection() {
  const link = h('a', {class: 'button', download: ''}, t('stats.download'));
  const form = h('form', {class: 'toolbar'},
    field(t('stats.status'), select('status', [['', t('stats.all')], ...STATUSES.map((s) => [s, statusLabel(s)])], '')),
    field(t('stats.created-from'), h('input', {type: 'date', name: 'created_from'})),
    field(t('stats.created-to'), h('input', {type: 'date', name: 'created_to'})),
    link);
  const update = () => {
    const values = Object.fromEntries(new FormData(form));
    link.setAttribute('href', '/api/v1/tickets/export.csv' + api.query({
      status: values.status,
      created_from: values.created_from && startOf(values.created_from),
      created_to: values.created_to && endOf(values.created_to),
    }));
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  update();
  return h('section', {'aria-labelledby': 'stats-export'},
    h('h2', {id: 'stats-export'}, t('stats.export')), h('p', {class: 'hint'}, t('stats.export-hint')), form);
}

const isoDay = (millis) => new Date(millis).toISOString().slice(0, 10);
const startOf = (day) => `${day}T00:00:00Z`;
// The day the reader names is included: the API's end is exclusive.
const endOf = (day) => `${isoDay(Date.parse(`${day}T00:00:00Z`) + DAY)}T00:00:00Z`;
const dayLabel = (day) => new Date(`${day}T00:00:00Z`).toLocaleDateString(LOCALE, {day: 'numeric', month: 'short', timeZone: 'UTC'});
const number = (value, digits = 0) => value.toLocaleString(LOCALE, {maximumFractionDigits: digits});
