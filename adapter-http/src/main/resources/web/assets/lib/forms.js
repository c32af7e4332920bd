// The console's editing forms: one API call per submit, the API's field problems (ApiError.fields) shown next to
// the fields they name, anything else in the form's alert, and a dialog to confirm what cannot be undone.
import {h, replace, formValues, uniqueId} from './dom.js';
import {t, register} from './i18n.js';
import {ApiError} from './api.js';

register({
  en: {'forms.fix-fields': 'Please correct the marked fields.', 'forms.saved': 'Saved.', 'forms.cancel': 'Cancel',
    'forms.confirm': 'Confirm'},
  ru: {'forms.fix-fields': 'Исправьте отмеченные поля.', 'forms.saved': 'Сохранено.', 'forms.cancel': 'Отмена',
    'forms.confirm': 'Подтвердить'},
});

/**
 * Runs action(values, form) when the form is submitted: the submit button is disabled meanwhile, and a failure is
 * shown on the form (showProblems). values are formValues(form): the named controls' non-empty strings.
 */
export function onSubmit(form, action) {
  form.noValidate = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    const buttons = [...form.querySelectorAll('button[type=submit]')];
    buttons.forEach((button) => { button.disabled = true; });
    try {
      await action(formValues(form), form);
    } catch (error) {
      showProblems(form, error);
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
    }
  });
  return form;
}

/** A problem with one field found before asking the server, shown like the server's own. */
export function fieldProblem(field, message) {
  return new ApiError(400, {title: message, detail: t('forms.fix-fields'), errors: [{field, message}]});
}

/**
 * Shows a failure on a form: each field problem next to its control (marked aria-invalid and described by it), the
 * rest in the form's alert; the first marked control takes the focus.
 */
export function showProblems(form, error) {
  const fields = error instanceof ApiError ? error.fields : {};
  const elsewhere = [];
  let first = null;
  for (const [name, message] of Object.entries(fields)) {
    const control = controlFor(form, name);
    if (control) {
      markInvalid(control, message);
      first ??= control;
    } else {
      elsewhere.push(`${name}: ${message}`);
    }
  }
  const summary = Object.keys(fields).length === 0 ? error.message
    : elsewhere.length > 0 ? elsewhere.join('; ') : t('forms.fix-fields');
  replace(alertOf(form), summary);
  first?.focus();
}

export function clearProblems(form) {
  form.querySelectorAll('.field-error').forEach((note) => note.remove());
  form.querySelectorAll('[aria-invalid]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    const describedBy = (control.getAttribute('aria-describedby') || '').split(' ')
      .filter((id) => id && !id.startsWith('problem-')).join(' ');
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
    else control.removeAttribute('aria-describedby');
  });
  replace(alertOf(form));
}

/** A short confirmation on the form ("Saved."), read out politely. */
export function showDone(form, text = t('forms.saved')) {
  const status = form.querySelector(':scope > .form-status')
    || form.appendChild(h('p', {class: 'form-status', role: 'status'}));
  replace(status, text);
}

// The control a field path names: "targets.urgent.resolution_minutes" exactly, else its closest named parent
// ("tags[2]" → "tags", "imap.port" → "imap").
function controlFor(form, name) {
  const parts = name.split(/(?=[.[])/);
  for (let length = parts.length; length > 0; length -= 1) {
    const control = form.querySelector(`[name="${CSS.escape(parts.slice(0, length).join(''))}"]`);
    if (control) return control;
  }
  return null;
}

function markInvalid(control, message) {
  const note = h('span', {class: 'field-error', id: uniqueId('problem')}, message);
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby',
    [control.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
  const place = control.closest('.field') || control.parentElement;
  place.append(note);
}

function alertOf(form) {
  return form.querySelector(':scope > .form-alert')
    || form.appendChild(h('p', {class: 'error form-alert', role: 'alert'}));
}

/**
 * Asks before something that cannot be undone, in a modal dialog (Escape or Cancel says no); resolves to whether
 * the reader confirmed.
 */
export function confirmAction(question, confirmLabel = t('forms.confirm')) {
  return new Promise((resolve) => {
    const titleId = uniqueId('confirm');
    const dialog = h('dialog', {class: 'confirm', 'aria-labelledby': titleId},
      h('p', {id: titleId}, question),
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'danger', onclick: () => dialog.close('yes')}, confirmLabel),
        h('button', {type: 'button', autofocus: true, onclick: () => dialog.close('no')}, t('forms.cancel'))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
