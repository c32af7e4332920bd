// What the portal's forms share: problems shown next to the fields they concern, a busy submit button, and
// Idempotency-Keys that make a retried submission replay the first answer instead of filing twice.
import {h, replace, uniqueId} from '../lib/dom.js';
import {t, register} from '../lib/i18n.js';

register({
  en: {'forms.busy': 'Sending…'},
  ru: {'forms.busy': 'Отправка…'},
});

/**
 * Shows an ApiError: each field problem next to the control of that name (described by it, marked invalid), the rest
 * in box. A problem without fields goes next to fallbackField when given (an upload's 413 belongs to the file input).
 * The first invalid control gets the focus.
 */
export function showProblems(form, box, error, fallbackField) {
  clearProblems(form, box);
  const fields = Object.entries(error.fields || {});
  if (fields.length === 0 && fallbackField) fields.push([fallbackField, error.message]);
  const unplaced = [];
  let first = null;
  for (const [name, message] of fields) {
    const control = form.elements.namedItem(name);
    const target = control instanceof RadioNodeList ? control[0] : control;
    if (!target) {
      unplaced.push(`${name}: ${message}`);
      continue;
    }
    const note = h('p', {class: 'field-error', id: uniqueId(`${name}-error`)}, message);
    (target.closest('.field, fieldset') || target.parentElement).append(note);
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', note.id);
    first ??= target;
  }
  replace(box, fields.length === 0 ? error.message : unplaced.join(' '));
  first?.focus();
}

/** Removes the problems a previous submission left. */
export function clearProblems(form, box) {
  for (const note of form.querySelectorAll('.field-error')) note.remove();
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  }
  replace(box);
}

/** Runs action with the button disabled and saying so; gives the button back whatever happens. */
export async function whileBusy(button, action) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = t('forms.busy');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

/**
 * Idempotency-Keys for one form: the same body sent again (a retry after a lost answer) gets the same key, so the
 * server replays its first answer; a changed body gets a new one.
 */
export function idempotencyKeys() {
  let last = null;
  return (body) => {
    const text = JSON.stringify(body);
    if (last?.text !== text) last = {text, key: randomKey()};
    return last.key;
  };
}

// crypto.getRandomValues works on plain http too, where randomUUID does not.
function randomKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
