// Files on the portal: chosen in a file input, uploaded one by one before the filing or reply that names them
// (attachment_ids), listed as download links to the portal's attachment route.
import {h, field} from '../lib/dom.js';
import {t, register, language} from '../lib/i18n.js';
import * as api from '../lib/api.js';

register({
  en: {'attachments.label': 'Attachments', 'attachments.hint': 'Images, PDF, text, logs, office documents or zip; up to 10 MB each.',
    'attachments.list': 'Attached files', 'attachments.units': 'B KB MB'},
  ru: {'attachments.label': 'Вложения', 'attachments.hint': 'Изображения, PDF, текст, журналы, офисные документы или zip; до 10 МБ каждый.',
    'attachments.list': 'Приложенные файлы', 'attachments.units': 'Б КБ МБ'},
});

/** The field to choose files in; named attachment_ids so the API's problems with them land next to it. */
export function attachmentsField() {
  return field(t('attachments.label'), h('input', {type: 'file', name: 'attachment_ids', multiple: true}),
    t('attachments.hint'));
}

/** Uploads the files chosen in the form's attachment field; their ids, in order. */
export async function uploadChosen(form) {
  const ids = [];
  for (const file of form.elements.namedItem('attachment_ids').files) {
    const body = new FormData();
    body.append('file', file);
    ids.push((await api.post('/api/v1/portal/attachments', body)).id);
  }
  return ids;
}

/** Download links for attachments, or nothing when there are none. */
export function attachmentLinks(attachments) {
  if (!attachments?.length) return null;
  return h('ul', {class: 'attachments', 'aria-label': t('attachments.list')}, attachments.map((file) =>
    h('li', {}, h('a', {href: `/api/v1/portal/attachments/${encodeURIComponent(file.id)}`, download: file.filename},
      file.filename), ' ', h('span', {class: 'size'}, `(${fileSize(file.size)})`))));
}

const SIZE = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {maximumFractionDigits: 1});

function fileSize(bytes) {
  const units = t('attachments.units').split(' ');
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${SIZE.format(value)} ${units[unit]}`;
}
