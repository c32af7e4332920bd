// One ticket as its customer sees it (#/tickets/:id): the request and its public conversation with their files, a reply
// form, and beside them the details, closing or confirming, the rating and call-back requests (ticket-actions.js).
// It follows the change feed: an agent's reply or a status change shows without a reload, announced politely to
// screen readers, and the forms keep whatever is being typed in them.
import {h, replace, field} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import {statusLabel, priorityLabel} from '../lib/labels.js';
import {href} from '../lib/router.js';
import {onChange} from '../lib/live.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';
import {attachmentsField, attachmentLinks, uploadChosen} from './attachments.js';
import {showProblems, clearProblems, whileBusy, idempotencyKeys} from './forms.js';
import {closingSection, feedbackSection, callBackSection} from './ticket-actions.js';

register({
  en: {'ticket.conversation': 'Conversation', 'ticket.request': 'Your request', 'ticket.support': 'Support',
    'ticket.solution': 'Solution', 'ticket.details': 'Details', 'ticket.number': 'Number', 'ticket.status': 'Status',
    'ticket.priority': 'Priority', 'ticket.category': 'Category', 'ticket.opened': 'Opened', 'ticket.updated': 'Updated',
    'ticket.reply': 'Reply', 'ticket.reply-body': 'Your message', 'ticket.reply-send': 'Send reply',
    'ticket.reply-reopens': 'Replying reopens the ticket.', 'ticket.reply-sent': 'Your reply was sent.',
    'ticket.closed': 'This ticket is closed: it takes no more replies.', 'ticket.follow-up': 'File a follow-up ticket',
    'ticket.news.reply': 'New reply from {name}.', 'ticket.news.status': 'The ticket is now: {status}.'},
  ru: {'ticket.conversation': 'Переписка', 'ticket.request': 'Ваш запрос', 'ticket.support': 'Поддержка',
    'ticket.solution': 'Решение', 'ticket.details': 'Сведения', 'ticket.number': 'Номер', 'ticket.status': 'Статус',
    'ticket.priority': 'Приоритет', 'ticket.category': 'Категория', 'ticket.opened': 'Создано', 'ticket.updated': 'Обновлено',
    'ticket.reply': 'Ответ', 'ticket.reply-body': 'Ваше сообщение', 'ticket.reply-send': 'Отправить ответ',
    'ticket.reply-reopens': 'Ответ снова откроет обращение.', 'ticket.reply-sent': 'Ваш ответ отправлен.',
    'ticket.closed': 'Обращение закрыто: ответить в нём больше нельзя.', 'ticket.follow-up': 'Создать продолжение',
    'ticket.news.reply': 'Новый ответ от {name}.', 'ticket.news.status': 'Статус обращения: {status}.'},
});

const STAFF = new Set(['agent', 'admin']);

export default async function ticketPage(outlet, params, query, signal) {
  const path = `/api/v1/portal/tickets/${encodeURIComponent(params.id)}`;
  let shown = null; // {ticket, etag} as last rendered
  let session;
  try {
    [shown, session] = await Promise.all([fetchTicket(path), api.currentSession()]);
  } catch (error) {
    showError(outlet, error);
    return;
  }
  const isRequester = shown.ticket.requester.id === session.person.id;

  const heading = h('h1', {class: 'subject'});
  const summary = h('p', {class: 'ticket-summary'});
  const news = h('p', {class: 'portal-live', role: 'status', 'aria-live': 'polite'});
  const thread = h('ol', {class: 'conversation'});
  const details = h('dl', {class: 'details'});
  const page = {path, isRequester, current: () => shown, render: (latest) => render(latest), refresh: () => refresh()};
  const reply = replyForm(page);
  const closing = closingSection(page);
  const feedback = feedbackSection(page);
  const calls = callBackSection(page);

  const render = ({ticket, etag}) => {
    const before = shown.ticket;
    shown = {ticket, etag};
    replace(heading, ticket.subject);
    replace(summary, ticket.number, ' · ',
      h('span', {class: `status status-${ticket.status}`}, statusLabel(ticket.status)));
    replace(thread, conversation(ticket, before));
    replace(details, detailRows(ticket));
    reply.show(ticket);
    closing.show(ticket);
    feedback.show(ticket);
    const told = newsOf(before, ticket);
    if (told) replace(news, told);
  };

  // Live events arrive in bursts (a reply and the status change it causes): one fetch at a time, and one more after it
  // when something arrived meanwhile.
  let fetching = null;
  let again = false;
  const refresh = async () => {
    if (fetching) {
      again = true;
      return fetching;
    }
    fetching = (async () => {
      do {
        again = false;
        try {
          const latest = await fetchTicket(path);
          if (!signal.aborted) render(latest);
        } catch (error) {
          if (!signal.aborted) replace(news, error.message);
        }
      } while (again && !signal.aborted);
      fetching = null;
    })();
    return fetching;
  };

  replace(outlet, heading, summary, news,
    h('div', {class: 'columns'},
      h('div', {class: 'ticket-main'},
        h('section', {'aria-labelledby': 'conversation-title'},
          h('h2', {id: 'conversation-title'}, t('ticket.conversation')), thread),
        reply.element),
      h('div', {class: 'side'},
        h('section', {class: 'card', 'aria-labelledby': 'details-title'},
          h('h2', {id: 'details-title'}, t('ticket.details')), details),
        closing.element, feedback.element, calls.element)));
  render(shown);
  calls.load();
  onChange((event) => {
    if (event.type === 'reset' || event.ticket_id === shown.ticket.id) refresh();
    if (event.data?.call?.ticket_id === shown.ticket.id) calls.load();
  }, signal);
}

async function fetchTicket(path) {
  const {body, etag} = await api.send('GET', path);
  return {ticket: body, etag};
}

/** The request first, then every message the customer may see; those new since the last look are marked. */
function conversation(ticket, before) {
  const known = new Set((before?.messages || []).map((message) => message.id));
  const request = {id: 'request', kind: 'public', author: {name: ticket.requester.name, role: 'customer'},
    body: ticket.description, created_at: ticket.created_at, attachments: ticket.attachments, is_resolution: false};
  return [
    messageItem(request, false, t('ticket.request')),
    ticket.messages.map((message) => messageItem(message, before && before !== ticket && !known.has(message.id))),
  ];
}

function messageItem(message, fresh, label) {
  const time = h('time', {datetime: message.created_at}, dateTime(message.created_at));
  if (message.kind === 'system') {
    return h('li', {class: 'message system'}, h('span', {class: 'body'}, message.body), ' · ', time);
  }
  const staff = STAFF.has(message.author.role);
  return h('li', {class: `message ${staff ? 'from-support' : 'from-customer'}${fresh ? ' fresh' : ''}`},
    h('p', {class: 'meta'}, h('strong', {}, message.author.name), staff ? ` (${t('ticket.support')})` : null,
      ' · ', time, label ? ` · ${label}` : null,
      message.is_resolution ? [' ', h('span', {class: 'badge solution'}, t('ticket.solution'))] : null),
    h('div', {class: 'body'}, message.body),
    attachmentLinks(message.attachments));
}

function detailRows(ticket) {
  return [
    ['ticket.number', ticket.number],
    ['ticket.status', statusLabel(ticket.status)],
    ['ticket.priority', priorityLabel(ticket.priority)],
    ['ticket.category', ticket.category],
    ['ticket.opened', dateTime(ticket.created_at)],
    ['ticket.updated', dateTime(ticket.updated_at)],
  ].map(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]);
}

/** What a screen reader hears of a change it did not make: support's newest reply, or the new status. */
function newsOf(before, after) {
  if (before === after) return null;
  const known = new Set(before.messages.map((message) => message.id));
  const replies = after.messages.filter((message) => !known.has(message.id) && STAFF.has(message.author.role)
    && message.kind === 'public');
  if (replies.length) return t('ticket.news.reply', {name: replies.at(-1).author.name});
  if (before.status !== after.status) return t('ticket.news.status', {status: statusLabel(after.status)});
  return null;
}

/** The reply form: built once, so a live refresh never loses a half-written reply; gone once the ticket is closed. */
function replyForm(page) {
  const body = h('textarea', {name: 'body', required: true, rows: 5});
  const reopens = h('p', {class: 'hint'}, t('ticket.reply-reopens'));
  const problems = h('p', {class: 'error', role: 'alert'});
  const sent = h('p', {class: 'portal-live', role: 'status'});
  const submit = h('button', {type: 'submit', class: 'primary'}, t('ticket.reply-send'));
  const form = h('form', {class: 'reply'}, field(t('ticket.reply-body'), body), attachmentsField(), reopens, problems,
    submit, sent);
  const closed = h('p', {class: 'notice'});
  const element = h('section', {class: 'card', 'aria-labelledby': 'reply-title'},
    h('h2', {id: 'reply-title'}, t('ticket.reply')), form, closed);
  const keys = idempotencyKeys();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy(submit, async () => {
      clearProblems(form, problems);
      replace(sent);
      let attachmentIds;
      try {
        attachmentIds = await uploadChosen(form);
      } catch (error) {
        showProblems(form, problems, error, 'attachment_ids');
        return;
      }
      const message = {body: body.value.trim(), attachment_ids: attachmentIds.length ? attachmentIds : undefined};
      try {
        await api.post(`${page.path}/messages`, message, {idempotencyKey: keys(message)});
      } catch (error) {
        if (error.problem?.code === 'FOLLOW_UP_REQUIRED') {
          replace(problems, error.message, ' ', followUpLink(page.current().ticket));
        } else {
          showProblems(form, problems, error);
        }
        return;
      }
      form.reset();
      replace(sent, t('ticket.reply-sent'));
      await page.refresh();
    });
  });

  return {
    element,
    show(latest) {
      const isClosed = latest.status === 'closed';
      form.hidden = isClosed;
      reopens.hidden = latest.status !== 'resolved';
      replace(closed, isClosed ? [t('ticket.closed'), ' ', followUpLink(latest)] : null);
      closed.hidden = !isClosed;
    },
  };
}

function followUpLink(ticket) {
  return h('a', {href: href('/new', {follow_up_of: ticket.id})}, t('ticket.follow-up'));
}
