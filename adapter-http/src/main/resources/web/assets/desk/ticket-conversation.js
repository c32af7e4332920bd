// The ticket's conversation as staff see it, and the composer. A public reply and an internal note are told apart by a
// written label and their own framing, not by colour alone; they are written in two separate forms, so an agent never
// sends to the customer what was meant for colleagues.
import {h, replace, field} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import * as api from '../lib/api.js';

register({
  en: {
    'talk.title': 'Conversation', 'talk.request': 'Request', 'talk.internal-system': 'System, staff only',
    'talk.public-system': 'System, customer sees it', 'talk.via': 'via {via}', 'talk.resolution': 'Marked as the solution',
    'talk.attachments': 'Attachments', 'talk.role.customer': 'customer', 'talk.role.agent': 'agent', 'talk.role.admin': 'admin',
    'talk.reply': 'Reply to customer', 'talk.reply-label': 'Your reply (the customer sees it)', 'talk.send-reply': 'Send reply',
    'talk.note': 'Internal note', 'talk.note-label': 'Your note (staff only; the customer never sees it)',
    'talk.send-note': 'Add internal note', 'talk.files': 'Attach files', 'talk.closed': 'This ticket is closed: it takes no new messages.',
    'talk.sending': 'Sending…',
  },
  ru: {
    'talk.title': 'Переписка', 'talk.request': 'Обращение', 'talk.internal-system': 'Система, только для сотрудников',
    'talk.public-system': 'Система, видно клиенту', 'talk.via': 'через {via}', 'talk.resolution': 'Отмечено как решение',
    'talk.attachments': 'Вложения', 'talk.role.customer': 'клиент', 'talk.role.agent': 'агент', 'talk.role.admin': 'администратор',
    'talk.reply': 'Ответ клиенту', 'talk.reply-label': 'Ваш ответ (клиент его увидит)', 'talk.send-reply': 'Отправить ответ',
    'talk.note': 'Внутренняя заметка', 'talk.note-label': 'Ваша заметка (только для сотрудников; клиент её не увидит)',
    'talk.send-note': 'Добавить заметку', 'talk.files': 'Прикрепить файлы', 'talk.closed': 'Обращение закрыто: новые сообщения не принимаются.',
    'talk.sending': 'Отправка…',
  },
});

/** The request and every message, oldest first; `fresh` (ids) marks what arrived since the page last looked. */
export function conversation(ticket, fresh = new Set()) {
  return h('ol', {class: 'conversation'},
    h('li', {class: 'message request'},
      h('div', {class: 'meta'}, h('strong', {class: 'kind-label'}, t('talk.request')), ' ', ticket.requester.name,
        ' · ', h('time', {datetime: ticket.created_at}, dateTime(ticket.created_at))),
      h('div', {class: 'body'}, ticket.description),
      attachmentList(ticket.attachments)),
    ticket.messages.map((message) => messageItem(message, fresh.has(message.id))));
}

function messageItem(message, fresh) {
  const label = message.kind === 'system'
    ? t(message.customer_visible ? 'talk.public-system' : 'talk.internal-system')
    : t(`kind.${message.kind}`);
  const role = message.author.role === 'system' ? null : t(`talk.role.${message.author.role}`);
  return h('li', {class: `message ${message.kind}${fresh ? ' fresh' : ''}`, dataset: {id: message.id, kind: message.kind}},
    h('div', {class: 'meta'},
      h('strong', {class: 'kind-label'}, label), ' ',
      message.author.role === 'system' ? null : [message.author.name, ` (${role})`, ' · '],
      h('time', {datetime: message.created_at}, dateTime(message.created_at)),
      ['email', 'telegram'].includes(message.via) ? [' · ', t('talk.via', {via: message.via})] : null,
      message.is_resolution ? [' · ', h('span', {class: 'badge resolution'}, t('talk.resolution'))] : null),
    h('div', {class: 'body'}, message.body),
    attachmentList(message.attachments));
}

function attachmentList(attachments) {
  if (!attachments?.length) return null;
  return h('ul', {class: 'attachments', 'aria-label': t('talk.attachments')}, attachments.map((file) =>
    h('li', {}, h('a', {href: `/api/v1/attachments/${file.id}`, download: file.filename}, file.filename), ` (${size(file.size)})`)));
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The two forms of the composer. post(body) posts a message and refreshes the page, answering whether it went;
 * report(error) shows a failure of the uploads. Answers {element, hasDraft(), focus(kind)}.
 */
export function composer(post, report) {
  const forms = {public: messageForm('public', post, report), internal: messageForm('internal', post, report)};
  return {
    element: h('div', {class: 'composer'}, forms.public, forms.internal),
    hasDraft: () => Object.values(forms).some((form) => form.elements.body.value.trim() !== '' || form.elements.files.files.length > 0),
    focus: (kind) => forms[kind].elements.body.focus(),
  };
}

function messageForm(kind, post, report) {
  const key = kind === 'public' ? 'reply' : 'note';
  const headingId = `compose-${key}`;
  const button = h('button', {type: 'submit', class: kind === 'public' ? 'primary' : 'note'}, t(`talk.send-${key}`));
  const form = h('form', {class: `compose ${kind}`, 'aria-labelledby': headingId},
    h('h2', {id: headingId}, t(`talk.${key}`)),
    field(t(`talk.${key}-label`), h('textarea', {name: 'body', required: true, maxlength: 50000})),
    field(t('talk.files'), h('input', {name: 'files', type: 'file', multiple: true})),
    button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    replace(button, t('talk.sending'));
    try {
      const attachmentIds = await upload(form.elements.files.files);
      if (await post({kind, body: form.elements.body.value.trim(), attachment_ids: attachmentIds})) form.reset();
    } catch (error) {
      report(error);
    } finally {
      button.disabled = false;
      replace(button, t(`talk.send-${key}`));
    }
  });
  return form;
}

/** Uploads the chosen files one by one; their ids. */
async function upload(files) {
  const ids = [];
  for (const file of files) {
    const data = new FormData();
    data.append('file', file);
    ids.push((await api.post('/api/v1/attachments', data)).id);
  }
  return ids;
}
