// Pieces the admin sections share: a sub-section, a table, a notice that keeps the reader's place after a change, a
// secret shown once, the people's roles and languages.
import {h, field, uniqueId} from '../../lib/dom.js';
import {t, register} from '../../lib/i18n.js';
import {confirmAction} from '../../lib/forms.js';

register({
  en: {'parts.secret-once': 'Copy it now: it is shown this once and cannot be read again.', 'parts.yes': 'Yes',
    'parts.no': 'No', 'lang.en': 'English', 'lang.ru': 'Russian',
    'role.agent': 'Agent', 'role.admin': 'Admin', 'role.customer': 'Customer'},
  ru: {'parts.secret-once': 'Скопируйте сейчас: он показан один раз и больше не будет доступен.', 'parts.yes': 'Да',
    'parts.no': 'Нет', 'lang.en': 'Английский', 'lang.ru': 'Русский',
    'role.agent': 'Агент', 'role.admin': 'Администратор', 'role.customer': 'Клиент'},
});

export const LANGUAGES = [['en', t('lang.en')], ['ru', t('lang.ru')]];

/** A sub-section of an admin section, titled with an h3. */
export function part(title, ...children) {
  const id = uniqueId('part');
  return h('section', {class: 'admin-part', 'aria-labelledby': id}, h('h3', {id}, title), children);
}

/** A table: columns are header texts, rows are arrays of cells (text or nodes); the first cell heads its row. */
export function table(columns, rows) {
  return h('table', {class: 'list'},
    h('thead', {}, h('tr', {}, columns.map((label) => h('th', {scope: 'col'}, label)))),
    h('tbody', {}, rows.map((cells) => h('tr', {},
      cells.map((cell, i) => (i === 0 ? h('th', {scope: 'row'}, cell) : h('td', {}, cell)))))));
}

export const yesNo = (value) => (value ? t('parts.yes') : t('parts.no'));

/**
 * Says what just happened at the top of a section that was drawn anew, and takes the focus there, so a keyboard or
 * screen-reader user is not left on a button that no longer exists.
 */
export function announce(body, ...message) {
  const notice = h('div', {class: 'notice', role: 'status', tabindex: '-1'}, message);
  body.prepend(notice);
  notice.focus();
  return notice;
}

/**
 * Runs a button's change (after the reader confirmed it, when a question is given), then draws the section anew with
 * what happened (done, or done(the change's answer)); a refusal is said in the same place.
 */
export async function act(body, {question, confirmLabel, change, render, done}) {
  if (question && !await confirmAction(question, confirmLabel)) return;
  let answer;
  try {
    answer = await change();
  } catch (error) {
    announce(body, h('span', {class: 'error'}, error.message));
    return;
  }
  await render(typeof done === 'function' ? done(answer) : done);
}

/** A secret the server answers once (an API token, a signing or inbound secret), ready to copy. */
export function secretOnce(label, secret) {
  const input = h('input', {class: 'secret', readonly: true, value: secret, spellcheck: 'false', autocomplete: 'off'});
  input.addEventListener('focus', () => input.select());
  return [field(label, input), h('p', {}, t('parts.secret-once'))];
}
