// The SLA policy: per priority, the business minutes to the first response and to resolution. A change is a new
// version, for tickets filed from then on (docs/sla.md).
import {h, replace} from '../../lib/dom.js';
import {t, register, duration} from '../../lib/i18n.js';
import * as api from '../../lib/api.js';
import {onSubmit} from '../../lib/forms.js';
import {PRIORITIES, priorityLabel} from '../../lib/labels.js';
import {announce} from './parts.js';

register({
  en: {
    'sla.intro': 'Targets in business minutes (1 to 144,000). Version {version}; a change applies to tickets filed from now on.',
    'sla.priority': 'Priority', 'sla.first_response_minutes': 'First response (minutes)',
    'sla.resolution_minutes': 'Resolution (minutes)', 'sla.input': '{priority}: {target}', 'sla.save': 'Save the policy',
    'sla.saved': 'The SLA policy was saved as version {version}.',
  },
  ru: {
    'sla.intro': 'Сроки в рабочих минутах (от 1 до 144 000). Версия {version}; изменение действует для новых обращений.',
    'sla.priority': 'Приоритет', 'sla.first_response_minutes': 'Первый ответ (минуты)',
    'sla.resolution_minutes': 'Решение (минуты)', 'sla.input': '{priority}: {target}', 'sla.save': 'Сохранить политику',
    'sla.saved': 'Политика SLA сохранена, версия {version}.',
  },
});

const TARGETS = ['first_response_minutes', 'resolution_minutes'];
const URGENT_FIRST = [...PRIORITIES].reverse();

export default async function slaSection(body, query, signal) {
  const render = async (message) => {
    const policy = await api.get('/api/v1/sla-policy');
    if (signal.aborted) return;
    replace(body, h('p', {}, t('sla.intro', {version: policy.version})), policyForm(policy, render));
    if (message) announce(body, message);
  };
  await render();
}

function policyForm(policy, render) {
  const form = h('form', {class: 'card'},
    h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('sla.priority')),
        TARGETS.map((target) => h('th', {scope: 'col'}, t(`sla.${target}`))))),
      h('tbody', {}, URGENT_FIRST.map((priority) => h('tr', {},
        h('th', {scope: 'row'}, priorityLabel(priority)),
        TARGETS.map((target) => h('td', {}, minutesInput(priority, target, policy.targets[priority][target]))))))),
    h('button', {type: 'submit', class: 'primary'}, t('sla.save')));
  return onSubmit(form, async (values) => {
    const targets = Object.fromEntries(PRIORITIES.map((priority) => [priority, Object.fromEntries(TARGETS.map(
      (target) => [target, Number(values[`targets.${priority}.${target}`])]))]));
    const saved = await api.put('/api/v1/sla-policy', {targets});
    await render(t('sla.saved', {version: saved.version}));
  });
}

// A number of minutes, with how long that is beside it ("2 h 00 min") as the reader types.
function minutesInput(priority, target, minutes) {
  const spelled = h('span', {class: 'hint'}, duration(minutes));
  const input = h('input', {
    type: 'number', name: `targets.${priority}.${target}`, min: 1, max: 144000, step: 1, required: true,
    value: String(minutes), 'aria-label': t('sla.input', {priority: priorityLabel(priority), target: t(`sla.${target}`)}),
  });
  input.addEventListener('input', () => replace(spelled, input.value ? duration(Number(input.value)) : ''));
  return h('div', {class: 'field'}, input, spelled);
}
