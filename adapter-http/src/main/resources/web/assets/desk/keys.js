// Keyboard shortcuts of the console's pages, and the "?" help that lists them. A shortcut never fires while the agent
// types into a control, nor over an open dialog, nor with Ctrl, Alt or Meta (those belong to the browser).
import {h} from '../lib/dom.js';
import {t, register} from '../lib/i18n.js';

register({
  en: {'keys.title': 'Keyboard shortcuts', 'keys.open': 'Keyboard shortcuts (?)', 'keys.close': 'Close',
    'keys.key': 'Key', 'keys.does': 'Does', 'keys.help': 'Show this help'},
  ru: {'keys.title': 'Горячие клавиши', 'keys.open': 'Горячие клавиши (?)', 'keys.close': 'Закрыть',
    'keys.key': 'Клавиша', 'keys.does': 'Действие', 'keys.help': 'Показать эту справку'},
});

const TYPING = 'input, textarea, select, [contenteditable]';
const ACTIVATES_ON_ENTER = 'a, button, summary';

/**
 * Listens for shortcuts until signal aborts. shortcuts: [{keys: ['j'], label, run}]; "?" opens the help, which is
 * returned as a button (to place on the page) that opens it too.
 */
export function shortcuts(list, signal) {
  const dialog = helpDialog(list);
  const open = () => { if (!dialog.open) dialog.showModal(); };
  const byKey = new Map(list.flatMap((shortcut) => shortcut.keys.map((key) => [key, shortcut.run])));
  byKey.set('?', open);
  document.addEventListener('keydown', (event) => {
    const run = byKey.get(event.key);
    if (!run || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    if (event.target.closest?.(TYPING) || document.querySelector('dialog[open]')) return;
    if (event.key === 'Enter' && event.target.closest?.(ACTIVATES_ON_ENTER)) return;
    event.preventDefault();
    run(event);
  }, {signal});
  return h('div', {class: 'shortcuts'}, h('button', {type: 'button', class: 'link', onclick: open}, t('keys.open')), dialog);
}

function helpDialog(list) {
  const dialog = h('dialog', {class: 'card', 'aria-labelledby': 'keys-title'},
    h('h2', {id: 'keys-title'}, t('keys.title')),
    h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('keys.key')), h('th', {scope: 'col'}, t('keys.does')))),
      h('tbody', {}, [...list, {keys: ['?'], label: t('keys.help')}].map((shortcut) => h('tr', {},
        h('td', {}, shortcut.keys.map((key, i) => [i ? ' / ' : '', h('kbd', {}, key)])),
        h('td', {}, shortcut.label))))),
    h('form', {method: 'dialog'}, h('button', {type: 'submit'}, t('keys.close'))));
  return dialog;
}
