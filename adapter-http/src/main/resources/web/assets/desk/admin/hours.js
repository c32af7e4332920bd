// Business hours: when SLA clocks run. Either always open, or weekly opening intervals in a time zone, less holidays.
// A change is a new version, for tickets filed from then on.
import {h, replace, field} from '../../lib/dom.js';
import {t, register} from '../../lib/i18n.js';
import * as api from '../../lib/api.js';
import {onSubmit, fieldProblem} from '../../lib/forms.js';
import {announce} from './parts.js';

register({
  en: {
    'hours.intro': 'Version {version}; a change applies to tickets filed from now on.',
    'hours.always-open': 'Always open (SLA clocks run round the clock)', 'hours.time-zone': 'Time zone',
    'hours.time-zone-hint': 'An IANA zone, e.g. Europe/Berlin.', 'hours.week': 'Opening hours',
    'hours.day-hint': 'e.g. 09:00-13:00, 14:00-18:00; empty when closed.',
    'hours.bad-intervals': 'Write intervals as 09:00-17:00, separated by commas.',
    'hours.holidays': 'Holidays', 'hours.holidays-hint': 'Dates as 2026-12-31, one a line.',
    'hours.bad-date': 'Not a date as 2026-12-31: {date}', 'hours.save': 'Save the business hours',
    'hours.saved': 'The business hours were saved as version {version}.',
    'day.monday': 'Monday', 'day.tuesday': 'Tuesday', 'day.wednesday': 'Wednesday', 'day.thursday': 'Thursday',
    'day.friday': 'Friday', 'day.saturday': 'Saturday', 'day.sunday': 'Sunday',
  },
  ru: {
    'hours.intro': 'Версия {version}; изменение действует для новых обращений.',
    'hours.always-open': 'Круглосуточно (сроки SLA идут всегда)', 'hours.time-zone': 'Часовой пояс',
    'hours.time-zone-hint': 'Пояс IANA, например Europe/Moscow.', 'hours.week': 'Часы работы',
    'hours.day-hint': 'Например 09:00-13:00, 14:00-18:00; пусто — выходной.',
    'hours.bad-intervals': 'Пишите интервалы как 09:00-17:00 через запятую.',
    'hours.holidays': 'Праздники', 'hours.holidays-hint': 'Даты вида 2026-12-31, по одной в строке.',
    'hours.bad-date': 'Не дата вида 2026-12-31: {date}', 'hours.save': 'Сохранить рабочее время',
    'hours.saved': 'Рабочее время сохранено, версия {version}.',
    'day.monday': 'Понедельник', 'day.tuesday': 'Вторник', 'day.wednesday': 'Среда', 'day.thursday': 'Четверг',
    'day.friday': 'Пятница', 'day.saturday': 'Суббота', 'day.sunday': 'Воскресенье',
  },
});

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const INTERVAL = /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/;

export default async function hoursSection(body, query, signal) {
  const render = async (message) => {
    const hours = await api.get('/api/v1/business-hours');
    if (signal.aborted) return;
    replace(body, h('p', {}, t('hours.intro', {version: hours.version})), hoursForm(hours, render));
    if (message) announce(body, message);
  };
  await render();
}

function hoursForm(hours, render) {
  const zones = h('datalist', {id: 'hours-zones'},
    (Intl.supportedValuesOf?.('timeZone') || []).map((zone) => h('option', {value: zone})));
  const form = h('form', {class: 'card'},
    h('div', {class: 'check'}, field(t('hours.always-open'),
      h('input', {type: 'checkbox', name: 'always_open', checked: hours.always_open}))),
    field(t('hours.time-zone'), h('input', {name: 'time_zone', list: 'hours-zones', value: hours.time_zone || ''}),
      t('hours.time-zone-hint')),
    zones,
    h('fieldset', {}, h('legend', {}, t('hours.week')), DAYS.map((day) => field(t(`day.${day}`),
      h('input', {name: `weekly_hours.${day}`, value: (hours.weekly_hours[day] || []).map((i) => `${i.from}-${i.to}`).join(', ')}),
      t('hours.day-hint')))),
    field(t('hours.holidays'), h('textarea', {name: 'holidays', rows: 4}, hours.holidays.join('\n')), t('hours.holidays-hint')),
    h('button', {type: 'submit', class: 'primary'}, t('hours.save')));
  return onSubmit(form, async (values) => {
    const saved = await api.put('/api/v1/business-hours', {
      always_open: values.always_open === 'on',
      time_zone: values.time_zone,
      weekly_hours: Object.fromEntries(DAYS.map((day) => [day, intervals(day, values[`weekly_hours.${day}`])])),
      holidays: dates(values.holidays),
    });
    await render(t('hours.saved', {version: saved.version}));
  });
}

function intervals(day, text) {
  return (text || '').split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const match = INTERVAL.exec(part);
    if (!match) throw fieldProblem(`weekly_hours.${day}`, t('hours.bad-intervals'));
    return {from: match[1], to: match[2]};
  });
}

function dates(text) {
  return (text || '').split(/[\s,]+/).filter(Boolean).map((date) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw fieldProblem('holidays', t('hours.bad-date', {date}));
    return date;
  });
}
