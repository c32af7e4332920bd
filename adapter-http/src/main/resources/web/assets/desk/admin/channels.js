// Channels: the inbound email channel (the support address, and optionally an IMAP mailbox the server reads) and the
// Telegram bot. Secrets go one way: the IMAP password and the bot token are never shown again, the inbound secret
// only in the answer that made it.
import {h, replace, field, select} from '../../lib/dom.js';
import {t, register, dateTime} from '../../lib/i18n.js';
import * as api from '../../lib/api.js';
import {onSubmit} from '../../lib/forms.js';
import {part, announce, act, secretOnce, yesNo} from './parts.js';

register({
  en: {
    'email.title': 'Email', 'email.none': 'No email channel is configured.', 'email.address': 'Support address',
    'email.address-hint': 'The address customers write to.', 'email.mailbox': 'Mailbox read',
    'email.no-mailbox': 'None: mail arrives through the inbound hook only.', 'email.updated': 'Last changed',
    'email.password-set': 'Password stored', 'email.read-imap': 'Read a mailbox over IMAP', 'email.imap': 'IMAP mailbox',
    'email.host': 'Host', 'email.port': 'Port', 'email.port-hint': 'Empty: 993 with TLS, 143 otherwise.',
    'email.security': 'Security', 'email.plain': 'None (plain text)', 'email.username': 'User name', 'email.password': 'Password',
    'email.password-keep': 'Empty keeps the stored password.', 'email.password-first': 'Required the first time.',
    'email.folder': 'Folder', 'email.save': 'Save the email channel', 'email.saved': 'The email channel was saved.',
    'email.secret': 'Inbound secret (the bearer token of POST /api/v1/inbound/email/…)',
    'email.rotate': 'Replace the inbound secret', 'email.rotate-confirm': 'Replace the inbound secret? The old one stops working at once.',
    'email.rotated': 'The inbound secret was replaced.', 'email.remove': 'Remove the email channel',
    'email.remove-confirm': 'Remove the email channel? Its inbound secret stops working and its mailbox is no longer read.',
    'email.removed': 'The email channel was removed.',
    'telegram.title': 'Telegram', 'telegram.none': 'No Telegram bot is connected.', 'telegram.bot': 'Bot',
    'telegram.webhook': 'Telegram sends updates to', 'telegram.configured': 'Connected',
    'telegram.token': 'Bot token', 'telegram.token-hint': 'From BotFather, as 123456:ABC…; checked with Telegram, never shown again.',
    'telegram.connect': 'Connect the bot', 'telegram.connected': 'The bot @{name} is connected.',
    'telegram.remove': 'Disconnect the bot', 'telegram.remove-confirm': 'Disconnect the Telegram bot? Chats and tickets stay.',
    'telegram.removed': 'The Telegram bot was disconnected.',
  },
  ru: {
    'email.title': 'Почта', 'email.none': 'Почтовый канал не настроен.', 'email.address': 'Адрес поддержки',
    'email.address-hint': 'Адрес, на который пишут клиенты.', 'email.mailbox': 'Читаемый ящик',
    'email.no-mailbox': 'Нет: письма приходят только через входящий хук.', 'email.updated': 'Изменён',
    'email.password-set': 'Пароль сохранён', 'email.read-imap': 'Читать ящик по IMAP', 'email.imap': 'Ящик IMAP',
    'email.host': 'Сервер', 'email.port': 'Порт', 'email.port-hint': 'Пусто: 993 с TLS, иначе 143.',
    'email.security': 'Защита', 'email.plain': 'Нет (открытый текст)', 'email.username': 'Имя пользователя', 'email.password': 'Пароль',
    'email.password-keep': 'Пусто — сохранённый пароль остаётся.', 'email.password-first': 'Обязателен в первый раз.',
    'email.folder': 'Папка', 'email.save': 'Сохранить почтовый канал', 'email.saved': 'Почтовый канал сохранён.',
    'email.secret': 'Входящий секрет (токен для POST /api/v1/inbound/email/…)',
    'email.rotate': 'Заменить входящий секрет', 'email.rotate-confirm': 'Заменить входящий секрет? Старый сразу перестанет работать.',
    'email.rotated': 'Входящий секрет заменён.', 'email.remove': 'Удалить почтовый канал',
    'email.remove-confirm': 'Удалить почтовый канал? Его секрет перестанет работать, ящик больше не будет читаться.',
    'email.removed': 'Почтовый канал удалён.',
    'telegram.title': 'Telegram', 'telegram.none': 'Бот Telegram не подключён.', 'telegram.bot': 'Бот',
    'telegram.webhook': 'Telegram отправляет обновления на', 'telegram.configured': 'Подключён',
    'telegram.token': 'Токен бота', 'telegram.token-hint': 'От BotFather, вида 123456:ABC…; проверяется в Telegram и больше не показывается.',
    'telegram.connect': 'Подключить бота', 'telegram.connected': 'Бот @{name} подключён.',
    'telegram.remove': 'Отключить бота', 'telegram.remove-confirm': 'Отключить бота Telegram? Чаты и обращения останутся.',
    'telegram.removed': 'Бот Telegram отключён.',
  },
});

const SECURITY = [['tls', 'TLS'], ['starttls', 'STARTTLS'], ['none', t('email.plain')]];

export default async function channelsSection(body, query, signal) {
  const render = async (message) => {
    const [email, telegram] = await Promise.all([configured('/api/v1/channels/email'), configured('/api/v1/channels/telegram')]);
    if (signal.aborted) return;
    replace(body,
      part(t('email.title'), emailChannel(body, email, render)),
      part(t('telegram.title'), telegramBot(body, telegram, render)));
    if (message) announce(body, message);
  };
  await render();
}

// A channel's settings, or null when it is not configured (404).
const configured = (path) => api.get(path).catch((error) => {
  if (error.status === 404) return null;
  throw error;
});

const facts = (...pairs) => h('dl', {class: 'figures'}, pairs.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));

function emailChannel(body, email, render) {
  const imap = email?.imap;
  const mailbox = h('fieldset', {},
    h('legend', {}, t('email.imap')),
    field(t('email.host'), h('input', {name: 'imap.host', value: imap?.host || ''})),
    field(t('email.port'), h('input', {name: 'imap.port', type: 'number', min: 1, max: 65535, value: imap ? String(imap.port) : ''}),
      t('email.port-hint')),
    field(t('email.security'), select('imap.security', SECURITY, imap?.security || 'tls')),
    field(t('email.username'), h('input', {name: 'imap.username', value: imap?.username || '', autocomplete: 'off'})),
    field(t('email.password'), h('input', {name: 'imap.password', type: 'password', autocomplete: 'new-password'}),
      imap?.password_set ? t('email.password-keep') : t('email.password-first')),
    field(t('email.folder'), h('input', {name: 'imap.folder', value: imap?.folder || 'INBOX'})));
  const reads = h('input', {type: 'checkbox', name: 'imap', checked: Boolean(imap)});
  const showMailbox = () => { mailbox.hidden = !reads.checked; };
  reads.addEventListener('change', showMailbox);
  showMailbox();
  const form = h('form', {class: 'card'},
    field(t('email.address'), h('input', {name: 'support_address', type: 'email', required: true,
      value: email?.support_address || ''}), t('email.address-hint')),
    h('div', {class: 'check'}, field(t('email.read-imap'), reads)),
    mailbox,
    h('button', {type: 'submit', class: 'primary'}, t('email.save')));
  onSubmit(form, async (values) => {
    const saved = await api.put('/api/v1/channels/email', {
      support_address: values.support_address || '',
      imap: reads.checked ? {
        host: values['imap.host'] || '',
        port: values['imap.port'] ? Number(values['imap.port']) : undefined,
        security: values['imap.security'],
        username: values['imap.username'] || '',
        password: values['imap.password'],
        folder: values['imap.folder'],
      } : null,
    });
    await render(saved.inbound_secret ? [h('p', {}, t('email.saved')), secretOnce(t('email.secret'), saved.inbound_secret)]
      : t('email.saved'));
  });
  if (!email) return [h('p', {}, t('email.none')), form];
  return [
    facts(
      [t('email.address'), email.support_address],
      [t('email.mailbox'), imap ? `${imap.username} @ ${imap.host}:${imap.port} (${imap.security}), ${imap.folder}`
        : t('email.no-mailbox')],
      ...(imap ? [[t('email.password-set'), yesNo(imap.password_set)]] : []),
      [t('email.updated'), dateTime(email.updated_at)]),
    form,
    h('div', {class: 'actions'},
      h('button', {type: 'button', onclick: () => act(body, {
        question: t('email.rotate-confirm'), confirmLabel: t('email.rotate'),
        change: () => api.post('/api/v1/channels/email/rotate-secret'),
        render, done: (rotated) => [h('p', {}, t('email.rotated')), secretOnce(t('email.secret'), rotated.inbound_secret)],
      })}, t('email.rotate')),
      h('button', {type: 'button', class: 'danger', onclick: () => act(body, {
        question: t('email.remove-confirm'), confirmLabel: t('email.remove'),
        change: () => api.del('/api/v1/channels/email'), render, done: t('email.removed'),
      })}, t('email.remove'))),
  ];
}

function telegramBot(body, bot, render) {
  const form = h('form', {class: 'card'},
    field(t('telegram.token'), h('input', {name: 'bot_token', type: 'password', required: true, autocomplete: 'off'}),
      t('telegram.token-hint')),
    h('button', {type: 'submit', class: 'primary'}, t('telegram.connect')));
  onSubmit(form, async (values) => {
    const connected = await api.put('/api/v1/channels/telegram', {bot_token: values.bot_token || ''});
    await render(t('telegram.connected', {name: connected.bot_username}));
  });
  if (!bot) return [h('p', {}, t('telegram.none')), form];
  return [
    facts(
      [t('telegram.bot'), `@${bot.bot_username}`],
      [t('telegram.webhook'), bot.webhook_url],
      [t('telegram.configured'), dateTime(bot.configured_at)]),
    form,
    h('div', {class: 'actions'}, h('button', {type: 'button', class: 'danger', onclick: () => act(body, {
      question: t('telegram.remove-confirm'), confirmLabel: t('telegram.remove'),
      change: () => api.del('/api/v1/channels/telegram'), render, done: t('telegram.removed'),
    })}, t('telegram.remove'))),
  ];
}
