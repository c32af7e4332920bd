// The frame of every page: a header with the area's navigation, who is signed in, the language switch and sign-out;
// the sign-in form when nobody is; the page itself in <main>.
import {h, replace, field} from './dom.js';
import {t, register, language, languages, setLanguage} from './i18n.js';
import * as api from './api.js';

register({
  en: {
    'signin.title': 'Sign in', 'signin.tenant': 'Organisation', 'signin.email': 'Email', 'signin.password': 'Password',
    'signin.submit': 'Sign in', 'signin.failed': 'The organisation, email or password is wrong.',
    'signout': 'Sign out', 'language': 'Language', 'skip': 'Skip to content', 'loading': 'Loading…',
    'error.generic': 'Something went wrong: {detail}',
  },
  ru: {
    'signin.title': 'Вход', 'signin.tenant': 'Организация', 'signin.email': 'Эл. почта', 'signin.password': 'Пароль',
    'signin.submit': 'Войти', 'signin.failed': 'Неверная организация, почта или пароль.',
    'signout': 'Выйти', 'language': 'Язык', 'skip': 'Перейти к содержимому', 'loading': 'Загрузка…',
    'error.generic': 'Что-то пошло не так: {detail}',
  },
});

/**
 * Starts an area: shows sign-in until someone of an admitted role is signed in, then the header and
 * start(main, session). options: {title, nav: session → [[href, label]], admits: role → bool, elsewhere: role → {href, label}}.
 */
export async function startArea(options) {
  const root = document.getElementById('app');
  const session = await api.currentSession();
  window.addEventListener('supportdesk:signed-out', () => location.reload());
  if (!session) {
    showSignIn(root, options);
    return;
  }
  if (!options.admits(session.person.role)) {
    const other = options.elsewhere(session.person.role);
    replace(root, h('main', {id: 'main', class: 'narrow'},
      h('h1', {}, options.title),
      h('p', {}, h('a', {href: other.href}, other.label)),
      signOutButton()));
    return;
  }
  const main = h('main', {id: 'main'});
  replace(root,
    h('a', {class: 'skip', href: '#main', onclick: (event) => { event.preventDefault(); main.focus(); }}, t('skip')),
    header(options, session),
    main);
  main.tabIndex = -1;
  await options.start(main, session);
}

function header(options, session) {
  return h('header', {class: 'top'},
    h('span', {class: 'brand'}, options.title),
    h('nav', {'aria-label': options.title}, h('ul', {}, options.nav(session).map(([href, label, extra]) =>
      h('li', {}, h('a', {href, ...extra}, label))))),
    h('span', {class: 'who'}, session.person.name),
    languageSwitch(),
    signOutButton());
}

function signOutButton() {
  return h('button', {type: 'button', class: 'link', onclick: async () => { await api.signOut(); location.reload(); }},
    t('signout'));
}

export function languageSwitch() {
  return h('label', {class: 'language'}, h('span', {class: 'visually-hidden'}, t('language')),
    h('select', {onchange: (event) => setLanguage(event.target.value)},
      languages.map((lang) => h('option', {value: lang, selected: lang === language}, lang.toUpperCase()))));
}

function showSignIn(root, options) {
  const error = h('p', {class: 'error', role: 'alert'});
  const stored = localStorage.getItem('supportdesk.tenant') || new URLSearchParams(location.search).get('tenant') || '';
  const form = h('form', {class: 'card narrow', 'aria-labelledby': 'signin-title'},
    h('h1', {id: 'signin-title'}, `${options.title}: ${t('signin.title')}`),
    field(t('signin.tenant'), h('input', {name: 'tenant', required: true, value: stored, autocomplete: 'organization'})),
    field(t('signin.email'), h('input', {name: 'email', type: 'email', required: true, autocomplete: 'username'})),
    field(t('signin.password'), h('input', {name: 'password', type: 'password', required: true, autocomplete: 'current-password'})),
    error,
    h('button', {type: 'submit', class: 'primary'}, t('signin.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await api.signIn(data.get('tenant'), data.get('email'), data.get('password'));
      localStorage.setItem('supportdesk.tenant', data.get('tenant'));
      location.reload();
    } catch (failure) {
      replace(error, failure.status === 401 ? t('signin.failed') : failure.message);
    }
  });
  replace(root, h('header', {class: 'top'}, h('span', {class: 'brand'}, options.title), languageSwitch()),
    h('main', {id: 'main'}, form));
}

/** Shows a failure where the page was, in words. */
export function showError(outlet, error) {
  replace(outlet, h('p', {class: 'error', role: 'alert'}, t('error.generic', {detail: error.message})));
}
