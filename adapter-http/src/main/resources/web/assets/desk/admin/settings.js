// Settings: how long a resolved ticket may be reopened and when it closes by itself, and the attachment limits.
import {h, replace, field} from '../../lib/dom.js';
import {t, register, language} from '../../lib/i18n.js';
import * as api from '../../lib/api.js';
import {onSubmit} from '../../lib/forms.js';
import {announce} from './parts.js';

register({
  en: {
    'settings.reopen_window_days': 'Reopen window (days)',
    'settings.reopen_window_days-hint': 'How long after resolution a customer\'s reply reopens the ticket.',
    'settings.auto_close_days': 'Auto-close after (days)',
    'settings.auto_close_days-hint': 'A resolved ticket closes by itself after this many days.',
    'settings.max_attachment_bytes': 'Largest file (bytes)', 'settings.max_attachments_per_message': 'Files per message',
    'settings.max_attachment_bytes_per_ticket': 'Files on one ticket, in all (bytes)', 'settings.mib': '{size} MiB',
    'settings.save': 'Save the settings', 'settings.saved': 'The settings were saved.',
  },
  ru: {
    'settings.reopen_window_days': 'Окно переоткрытия (дни)',
    'settings.reopen_window_days-hint': 'Сколько дней после решения ответ клиента переоткрывает обращение.',
    'settings.auto_close_days': 'Автозакрытие через (дни)',
    'settings.auto_close_days-hint': 'Решённое обращение закрывается само через столько дней.',
    'settings.max_attachment_bytes': 'Самый большой файл (байты)', 'settings.max_attachments_per_message': 'Файлов в сообщении',
    'settings.max_attachment_bytes_per_ticket': 'Всего файлов в обращении (байты)', 'settings.mib': '{size} МиБ',
    'settings.save': 'Сохранить настройки', 'settings.saved': 'Настройки сохранены.',
  },
});

// [name, minimum, maximum, whether a hint spells the bytes in MiB]
const FIELDS = [
  ['reopen_window_days', 1, 365],
  ['auto_close_days', 1, 365],
  ['max_attachment_bytes', 1, 1073741824, true],
  ['max_attachments_per_message', 1, 100],
  ['max_attachment_bytes_per_ticket', 1, 10737418240, true],
];

export default async function settingsSection(body, query, signal) {
  const render = async (message) => {
    const settings = await api.get('/api/v1/settings');
    if (signal.aborted) return;
    replace(body, settingsForm(settings, render));
    if (message) announce(body, message);
  };
  await render();
}

function settingsForm(settings, render) {
  const form = h('form', {class: 'card'},
    FIELDS.map(([name, min, max, bytes]) => {
      const input = h('input', {type: 'number', name, min, max, step: 1, required: true, value: String(settings[name])});
      const hint = h('span', {}, bytes ? mebibytes(settings[name]) : t(`settings.${name}-hint`));
      if (bytes) input.addEventListener('input', () => replace(hint, mebibytes(Number(input.value))));
      return field(t(`settings.${name}`), input, hint);
    }),
    h('button', {type: 'submit', class: 'primary'}, t('settings.save')));
  return onSubmit(form, async (values) => {
    await api.put('/api/v1/settings', Object.fromEntries(FIELDS.map(([name]) => [name, Number(values[name])])));
    await render(t('settings.saved'));
  });
}

const mebibytes = (bytes) => t('settings.mib', {
  size: (bytes / 1048576).toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB', {maximumFractionDigits: 2}),
});
