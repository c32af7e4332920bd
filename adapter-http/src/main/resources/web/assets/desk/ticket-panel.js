// The ticket page's side panel: the fields an agent changes (each change a guarded write: If-Match with the ETag the
// page read), escalation, the SLA clocks with their explanation, the requester and the history.
import {h, field, select} from '../lib/dom.js';
import {t, register, dateTime, duration} from '../lib/i18n.js';
import {href} from '../lib/router.js';
import {STATUSES, PRIORITIES, statusLabel, priorityLabel} from '../lib/labels.js';
import {slaBadge} from './sla.js';

register({
  en: {
    'panel.label': 'Ticket details', 'panel.details': 'Details', 'panel.status': 'Status', 'panel.priority': 'Priority',
    'panel.category': 'Category', 'panel.assignee': 'Assignee', 'panel.unassigned': 'Unassigned',
    'panel.assign-me': 'Assign to me', 'panel.tags': 'Tags', 'panel.tags-hint': 'Separated by spaces or commas',
    'panel.save-tags': 'Save tags', 'panel.escalation': 'Escalation', 'panel.escalated': 'Escalated {at}',
    'panel.not-escalated': 'Not escalated.', 'panel.reason': 'Reason', 'panel.escalate': 'Escalate',
    'panel.deescalate': 'De-escalate', 'panel.sla': 'SLA', 'panel.first_response': 'First response',
    'panel.resolution': 'Resolution', 'panel.breached-at': 'breached {at}', 'panel.explain': 'How these times are counted',
    'panel.policy': 'Policy version {policy}, calendar version {calendar}, as of {at}.', 'panel.target': 'Target',
    'panel.used': 'Used', 'panel.remaining': 'Remaining', 'panel.due': 'Due', 'panel.state': 'State',
    'panel.counted': 'Time that counted ({target})', 'panel.requester': 'Requester', 'panel.email': 'Email',
    'panel.organization': 'Organisation', 'panel.their-tickets': 'Their tickets',
    'panel.organization-tickets': "Organisation's tickets", 'panel.source': 'Filed via {source}, {at}',
    'panel.page-url': 'Page', 'panel.browser': 'Browser', 'panel.history': 'History', 'panel.by': '{who}: {what}',
    'panel.system': 'System',
    'field.status': 'status', 'field.priority': 'priority', 'field.category': 'category', 'field.assignee_id': 'assignee',
    'field.tags': 'tags', 'field.subject': 'subject', 'field.escalation_reason': 'reason', 'field.kind': 'kind',
    'field.rating': 'rating', 'field.comment': 'comment', 'field.custom_fields': 'custom fields',
    'source.portal': 'portal', 'source.email': 'email', 'source.api': 'API', 'source.phone': 'phone',
    'source.telegram': 'Telegram', 'source.chat': 'chat', 'source.web': 'web',
    'action.ticket_filed': 'Filed', 'action.status_changed': 'Status changed', 'action.ticket_assigned': 'Assigned',
    'action.ticket_updated': 'Updated', 'action.message_posted': 'Message posted', 'action.ticket_escalated': 'Escalated',
    'action.ticket_deescalated': 'De-escalated', 'action.ticket_deleted': 'Deleted', 'action.ticket_restored': 'Restored',
    'action.sla_breached': 'SLA breached', 'action.feedback_given': 'Feedback given',
    'action.call_requested': 'Call-back requested', 'action.call_updated': 'Call-back updated',
    'action.ticket_merged': 'Merged', 'action.ticket_unmerged': 'Unmerged', 'action.ticket_split': 'Split',
    'field.merged_into': 'merged into', 'field.merged_from': 'merged from', 'field.split_to': 'split to',
    'field.split_from': 'split from', 'field.messages': 'messages',
    'merge.title': 'Merge', 'merge.into': 'Merge into ticket', 'merge.into-hint': 'Its number or id; this ticket closes and its messages show there',
    'merge.other-requester': 'Merge even if the other ticket has another requester', 'merge.submit': 'Merge',
    'merge.merged-into': 'Merged on {when} into', 'merge.target': 'a ticket that cannot be read now', 'merge.unmerge': 'Unmerge',
    'merge.done': 'Merged.', 'merge.undone': 'Unmerged: the ticket is as it was before the merge.',
    'split.title': 'Split', 'split.legend': 'Messages to move to a new ticket', 'split.subject': 'Subject of the new ticket',
    'split.subject-hint': 'This ticket\'s subject when left empty', 'split.submit': 'Split into a new ticket',
  },
  ru: {
    'panel.label': 'Сведения об обращении', 'panel.details': 'Параметры', 'panel.status': 'Статус', 'panel.priority': 'Приоритет',
    'panel.category': 'Категория', 'panel.assignee': 'Исполнитель', 'panel.unassigned': 'Не назначено',
    'panel.assign-me': 'Назначить на меня', 'panel.tags': 'Метки', 'panel.tags-hint': 'Через пробел или запятую',
    'panel.save-tags': 'Сохранить метки', 'panel.escalation': 'Эскалация', 'panel.escalated': 'Эскалировано {at}',
    'panel.not-escalated': 'Не эскалировано.', 'panel.reason': 'Причина', 'panel.escalate': 'Эскалировать',
    'panel.deescalate': 'Снять эскалацию', 'panel.sla': 'SLA', 'panel.first_response': 'Первый ответ',
    'panel.resolution': 'Решение', 'panel.breached-at': 'нарушен {at}', 'panel.explain': 'Как считаются сроки',
    'panel.policy': 'Версия политики {policy}, версия календаря {calendar}, на {at}.', 'panel.target': 'Цель',
    'panel.used': 'Прошло', 'panel.remaining': 'Осталось', 'panel.due': 'Срок', 'panel.state': 'Состояние',
    'panel.counted': 'Учтённое время ({target})', 'panel.requester': 'Заявитель', 'panel.email': 'Эл. почта',
    'panel.organization': 'Организация', 'panel.their-tickets': 'Его обращения',
    'panel.organization-tickets': 'Обращения организации', 'panel.source': 'Канал: {source}, {at}',
    'panel.page-url': 'Страница', 'panel.browser': 'Браузер', 'panel.history': 'История', 'panel.by': '{who}: {what}',
    'panel.system': 'Система',
    'field.status': 'статус', 'field.priority': 'приоритет', 'field.category': 'категория', 'field.assignee_id': 'исполнитель',
    'field.tags': 'метки', 'field.subject': 'тема', 'field.escalation_reason': 'причина', 'field.kind': 'вид',
    'field.rating': 'оценка', 'field.comment': 'комментарий', 'field.custom_fields': 'доп. поля',
    'source.portal': 'портал', 'source.email': 'почта', 'source.api': 'API', 'source.phone': 'телефон',
    'source.telegram': 'Telegram', 'source.chat': 'чат', 'source.web': 'сайт',
    'action.ticket_filed': 'Создано', 'action.status_changed': 'Статус изменён', 'action.ticket_assigned': 'Назначено',
    'action.ticket_updated': 'Изменено', 'action.message_posted': 'Сообщение', 'action.ticket_escalated': 'Эскалировано',
    'action.ticket_deescalated': 'Эскалация снята', 'action.ticket_deleted': 'Удалено', 'action.ticket_restored': 'Восстановлено',
    'action.sla_breached': 'SLA нарушен', 'action.feedback_given': 'Получена оценка',
    'action.call_requested': 'Запрошен звонок', 'action.call_updated': 'Звонок изменён',
    'action.ticket_merged': 'Объединено', 'action.ticket_unmerged': 'Объединение отменено', 'action.ticket_split': 'Разделено',
    'field.merged_into': 'объединено с', 'field.merged_from': 'присоединено', 'field.split_to': 'выделено в',
    'field.split_from': 'выделено из', 'field.messages': 'сообщения',
    'merge.title': 'Объединение', 'merge.into': 'Объединить с обращением', 'merge.into-hint': 'Его номер или id; это обращение закроется, а его сообщения будут видны там',
    'merge.other-requester': 'Объединить, даже если у другого обращения другой заявитель', 'merge.submit': 'Объединить',
    'merge.merged-into': 'Объединено {when} с обращением', 'merge.target': 'которое сейчас недоступно', 'merge.unmerge': 'Отменить объединение',
    'merge.done': 'Объединено.', 'merge.undone': 'Объединение отменено: обращение такое же, как до него.',
    'split.title': 'Разделение', 'split.legend': 'Сообщения для нового обращения', 'split.subject': 'Тема нового обращения',
    'split.subject-hint': 'Если пусто — тема этого обращения', 'split.submit': 'Выделить в новое обращение',
  },
});

const CLOCKS = ['first_response', 'resolution'];
/** Journal fields that only tie an entry to a record: not worth a line of the history. */
const PLUMBING = new Set(['message_id', 'customer_visible']);

/** The words for a value the API names (a field, a source, an action), or the name itself when there are none. */
function wordFor(kind, name) {
  const key = `${kind}.${name}`;
  const text = t(key);
  return text === key ? name : text;
}

/**
 * The panel for page = {ticket, sla, history, mergedInto, requester, me, staff, nameOf, categories, write, split,
 * path}.
 * write(method, path, body, options) sends a guarded change and refreshes the page; split(body) splits the ticket and
 * opens the new one.
 */
export function sidePanel(page) {
  return h('aside', {class: 'side', 'aria-label': t('panel.label')},
    details(page), escalation(page), merging(page), splitting(page), clocks(page), requester(page), history(page));
}

function details({ticket, me, staff, categories, write, path}) {
  const patch = (name) => (event) => write('PATCH', path, {[name]: event.target.value});
  const assign = (id) => write('POST', `${path}/assign`, {assignee_id: id || null});
  const assignable = staff.filter((person) => person.active || person.id === ticket.assignee_id);
  const tags = h('form', {class: 'tags'},
    field(t('panel.tags'), h('input', {name: 'tags', value: ticket.tags.join(' ')}), t('panel.tags-hint')),
    h('button', {type: 'submit'}, t('panel.save-tags')));
  tags.addEventListener('submit', (event) => {
    event.preventDefault();
    write('PATCH', path, {tags: tags.elements.tags.value.split(/[\s,]+/).filter(Boolean)});
  });
  return h('section', {class: 'card'}, h('h2', {}, t('panel.details')),
    field(t('panel.status'), select('status', STATUSES.map((s) => [s, statusLabel(s)]), ticket.status,
      {onchange: patch('status')})),
    field(t('panel.priority'), select('priority', PRIORITIES.map((p) => [p, priorityLabel(p)]), ticket.priority,
      {onchange: patch('priority')})),
    field(t('panel.category'), select('category', withCurrent(categories, ticket.category).map((c) => [c, c]),
      ticket.category, {onchange: patch('category')})),
    field(t('panel.assignee'), select('assignee', [['', t('panel.unassigned')], ...assignable.map((p) => [p.id, p.name])],
      ticket.assignee_id, {onchange: (event) => assign(event.target.value)})),
    ticket.assignee_id === me.id ? null
      : h('button', {type: 'button', class: 'assign-me', onclick: () => assign(me.id)}, t('panel.assign-me')),
    tags);
}

/** A category since removed from the tenant's set is still the ticket's: keep it choosable. */
function withCurrent(list, current) {
  return list.includes(current) ? list : [current, ...list];
}

function escalation({ticket, write, path}) {
  if (ticket.escalated) {
    return h('section', {class: 'card'}, h('h2', {}, t('panel.escalation')),
      h('p', {}, h('span', {class: 'badge escalated'}, t('panel.escalated', {at: dateTime(ticket.escalated_at)}))),
      ticket.escalation_reason ? h('p', {class: 'reason'}, ticket.escalation_reason) : null,
      h('button', {type: 'button', onclick: () => write('POST', `${path}/deescalate`)}, t('panel.deescalate')));
  }
  const form = h('form', {},
    field(t('panel.reason'), h('input', {name: 'reason', required: true, maxlength: 1000})),
    h('button', {type: 'submit'}, t('panel.escalate')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    write('POST', `${path}/escalate`, {reason: form.elements.reason.value.trim()});
  });
  return h('section', {class: 'card'}, h('h2', {}, t('panel.escalation')), h('p', {}, t('panel.not-escalated')), form);
}

/** §16: a merged ticket offers its unmerge; an open one, a merge into another by number or id. */
function merging({ticket, mergedInto, write, path}) {
  const card = (...children) => h('section', {class: 'card merge'}, h('h2', {}, t('merge.title')), children);
  if (ticket.merged_into) {
    return card(
      h('p', {}, t('merge.merged-into', {when: dateTime(ticket.merged_at)}), ' ',
        h('a', {href: href(`/tickets/${ticket.merged_into}`), class: 'merged-into'},
          mergedInto ? `${mergedInto.number}: ${mergedInto.subject}` : t('merge.target'))),
      h('button', {type: 'button', class: 'unmerge', onclick: () => write('POST', `${path}/unmerge`, undefined,
        {done: t('merge.undone')})}, t('merge.unmerge')));
  }
  if (ticket.status === 'closed') return null;
  const form = h('form', {},
    field(t('merge.into'), h('input', {name: 'into', required: true, maxlength: 100}), t('merge.into-hint')),
    h('div', {class: 'check'},
      field(t('merge.other-requester'), h('input', {type: 'checkbox', name: 'confirm_different_requester'}))),
    h('button', {type: 'submit'}, t('merge.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    write('POST', `${path}/merge`, {into: form.elements.into.value.trim(),
      confirm_different_requester: form.elements.confirm_different_requester.checked}, {done: t('merge.done')});
  });
  return card(form);
}

/** §16: chosen messages of an open ticket move to a new ticket of the same requester. */
function splitting({ticket, split}) {
  if (ticket.status === 'closed' || !ticket.messages.length) return null;
  const form = h('form', {},
    h('fieldset', {}, h('legend', {}, t('split.legend')),
      ticket.messages.map((message) => h('div', {class: 'check'}, field(excerpt(message),
        h('input', {type: 'checkbox', name: 'message_ids', value: message.id}))))),
    field(t('split.subject'), h('input', {name: 'subject', maxlength: 200}), t('split.subject-hint')),
    h('button', {type: 'submit'}, t('split.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...form.querySelectorAll('input[name=message_ids]:checked')].map((box) => box.value);
    const subject = form.elements.subject.value.trim();
    split({message_ids: chosen, ...(subject ? {subject} : {})});
  });
  return h('section', {class: 'card split'}, h('h2', {}, t('split.title')), form);
}

/** A message as a line: who, when, and the start of what they wrote. */
function excerpt(message) {
  const body = message.body.length > 60 ? `${message.body.slice(0, 60)}…` : message.body;
  return `${message.author.name}, ${dateTime(message.created_at)}: ${body}`;
}

function clocks({ticket, sla}) {
  return h('section', {class: 'card'}, h('h2', {}, t('panel.sla')),
    h('dl', {class: 'clocks'}, CLOCKS.map((clock) => {
      const breachedAt = ticket[`${clock}_breached_at`];
      return [h('dt', {}, t(`panel.${clock}`)),
        h('dd', {}, slaBadge(ticket.sla[clock]), breachedAt ? [' ', t('panel.breached-at', {at: dateTime(breachedAt)})] : null)];
    })),
    sla ? explanation(sla) : null);
}

function explanation(sla) {
  const row = (label, cell) => h('tr', {}, h('th', {scope: 'row'}, label),
    CLOCKS.map((clock) => h('td', {}, cell(sla.targets[clock]))));
  return h('details', {class: 'explain'}, h('summary', {}, t('panel.explain')),
    h('p', {}, t('panel.policy', {policy: sla.policy_version, calendar: sla.calendar_version, at: dateTime(sla.as_of)})),
    h('table', {class: 'list compact'},
      h('thead', {}, h('tr', {}, h('td', {}), CLOCKS.map((clock) => h('th', {scope: 'col'}, t(`panel.${clock}`))))),
      h('tbody', {},
        row(t('panel.state'), (target) => t(`sla.${target.state}`)),
        row(t('panel.target'), (target) => duration(target.target_minutes)),
        row(t('panel.used'), (target) => duration(target.used_minutes)),
        row(t('panel.remaining'), (target) => duration(target.remaining_minutes)),
        row(t('panel.due'), (target) => dateTime(target.due_at || target.met_at || target.breached_at) || '—'))),
    CLOCKS.map((clock) => [h('h3', {}, t('panel.counted', {target: t(`panel.${clock}`)})),
      h('ul', {class: 'counted'}, sla.targets[clock].counted.map((span) =>
        h('li', {}, `${dateTime(span.from)} – ${dateTime(span.to)}`)))]));
}

function requester({ticket, requester: person}) {
  const organization = ticket.organization_id;
  return h('section', {class: 'card'}, h('h2', {}, t('panel.requester')),
    h('p', {class: 'requester-name'}, ticket.requester.name),
    h('dl', {class: 'facts'},
      person?.email ? [h('dt', {}, t('panel.email')), h('dd', {}, person.email)] : null,
      person?.organization ? [h('dt', {}, t('panel.organization')), h('dd', {}, person.organization)] : null,
      ticket.page_url ? [h('dt', {}, t('panel.page-url')), h('dd', {class: 'subject'}, ticket.page_url)] : null,
      ticket.browser_info ? [h('dt', {}, t('panel.browser')), h('dd', {class: 'subject'}, ticket.browser_info)] : null),
    h('p', {class: 'muted'}, t('panel.source', {source: wordFor('source', ticket.source), at: dateTime(ticket.created_at)})),
    h('ul', {class: 'links'},
      h('li', {}, h('a', {href: href('/queue', {status: 'all', requester: ticket.requester.id})}, t('panel.their-tickets'))),
      organization ? h('li', {}, h('a', {href: href('/queue', {status: 'all', organization})}, t('panel.organization-tickets'))) : null));
}

function history({history: entries, nameOf}) {
  const value = (change, side) => {
    const raw = change[side];
    if (raw === null || raw === '') return '—';
    if (change.field === 'status') return statusLabel(raw);
    if (change.field === 'priority') return priorityLabel(raw);
    if (change.field === 'assignee_id') return nameOf(raw);
    if (change.field === 'kind') return t(`kind.${raw}`);
    return raw;
  };
  return h('section', {class: 'card'}, h('h2', {}, t('panel.history')),
    h('ol', {class: 'history'}, entries.map((entry) => h('li', {},
      h('time', {datetime: entry.at}, dateTime(entry.at)), ' ',
      t('panel.by', {who: entry.actor.role === 'system' ? t('panel.system') : entry.actor.name, what: wordFor('action', entry.action)}),
      h('ul', {}, entry.changes.filter((change) => !PLUMBING.has(change.field)).map((change) =>
        h('li', {}, change.before === null || change.field === 'kind'
          ? `${wordFor('field', change.field)}: ${value(change, 'after')}`
          : `${wordFor('field', change.field)}: ${value(change, 'before')} → ${value(change, 'after')}`)))))));
}
