// SLA badges (§7): the time left to a due target, in words as well as colour, counting down while the page is shown.
import {h} from '../lib/dom.js';
import {t, register, duration, dateTime} from '../lib/i18n.js';

register({
  en: {'sla.left': '{time} left', 'sla.overdue': 'overdue by {time}', 'sla.breached': 'Breached', 'sla.running': 'Running', 'sla.paused': 'Paused',
    'sla.met': 'Met', 'sla.none': 'No target', 'sla.due': 'Due {at}'},
  ru: {'sla.left': 'осталось {time}', 'sla.overdue': 'просрочено на {time}', 'sla.breached': 'Нарушен', 'sla.running': 'Идёт', 'sla.paused': 'На паузе',
    'sla.met': 'Выполнен', 'sla.none': 'Нет цели', 'sla.due': 'Срок {at}'},
});

const SOON_MINUTES = 60;
const TICK_MS = 30_000;

/** The clock a ticket is measured by next: a breach first, else the running clock due soonest, else a paused one. */
export function nextClock(ticket) {
  const clocks = [ticket.sla.first_response, ticket.sla.resolution];
  if (ticket.sla_breached) return {state: 'breached', due_at: null};
  const running = clocks.filter((clock) => clock.state === 'running' && clock.due_at)
    .sort((a, b) => a.due_at.localeCompare(b.due_at));
  return running[0] || clocks.find((clock) => clock.state === 'paused') || {state: 'none', due_at: null};
}

/** A badge for one clock ({state, due_at}); a running one counts down under keepCounting. */
export function slaBadge(clock) {
  const badge = h('span', {class: 'badge sla', dataset: {state: clock.state, due: clock.due_at || ''}});
  if (clock.due_at) badge.title = t('sla.due', {at: dateTime(clock.due_at)});
  show(badge);
  return badge;
}

function show(badge) {
  const {state, due} = badge.dataset;
  const left = due ? Math.floor((Date.parse(due) - Date.now()) / 60_000) : null;
  const overdue = state === 'breached' || (state === 'running' && left < 0);
  badge.className = `badge sla ${overdue ? 'breached' : state === 'running' && left < SOON_MINUTES ? 'due-soon' : state}`;
  badge.textContent = state === 'running' && due
    ? t(left < 0 ? 'sla.overdue' : 'sla.left', {time: duration(Math.abs(left))})
    : t(`sla.${state}`);
}

/** Counts every badge under root down every half minute until signal aborts. */
export function keepCounting(root, signal) {
  const timer = setInterval(() => root.querySelectorAll('.badge.sla').forEach(show), TICK_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}
