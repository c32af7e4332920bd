// Running the tenant (§10, §17): one page per section (#/admin/people …) under a navigation between them. Each section
// is a module of its own under /assets/desk/admin/, loaded when first shown, whose default export renders into the
// section's body: (body, query, signal). Admins only (the API answers others 403 anyway).
import {h, replace} from '../lib/dom.js';
import {t, register} from '../lib/i18n.js';
import {showError} from '../lib/shell.js';
import {href} from '../lib/router.js';
import {isAdmin} from '../lib/session.js';

register({
  en: {
    'admin.title': 'Administration', 'admin.sections': 'Administration sections',
    'admin.only': 'Only admins run the organisation\'s settings. Ask an admin if something here needs changing.',
    'admin.people': 'People', 'admin.organisations': 'Organisations', 'admin.categories': 'Categories',
    'admin.sla': 'SLA policy', 'admin.hours': 'Business hours', 'admin.settings': 'Settings',
    'admin.tokens': 'API tokens', 'admin.webhooks': 'Webhooks', 'admin.channels': 'Channels',
  },
  ru: {
    'admin.title': 'Администрирование', 'admin.sections': 'Разделы администрирования',
    'admin.only': 'Настройки организации меняют только администраторы. Обратитесь к администратору.',
    'admin.people': 'Люди', 'admin.organisations': 'Организации', 'admin.categories': 'Категории',
    'admin.sla': 'Политика SLA', 'admin.hours': 'Рабочее время', 'admin.settings': 'Настройки',
    'admin.tokens': 'API-токены', 'admin.webhooks': 'Вебхуки', 'admin.channels': 'Каналы',
  },
});

const SECTIONS = ['people', 'organisations', 'categories', 'sla', 'hours', 'settings', 'tokens', 'webhooks', 'channels'];

export default async function adminPage(outlet, params, query, signal) {
  try {
    if (!await isAdmin()) {
      replace(outlet, h('h1', {}, t('admin.title')), h('p', {class: 'notice', role: 'status'}, t('admin.only')));
      return;
    }
    if (!SECTIONS.includes(params.section)) {
      window.location.replace(href(`/admin/${SECTIONS[0]}`));
      return;
    }
    const section = await import(`/assets/desk/admin/${params.section}.js`);
    if (signal.aborted) return;
    const body = h('div', {});
    replace(outlet,
      h('h1', {}, t('admin.title')),
      h('nav', {class: 'subnav', 'aria-label': t('admin.sections')}, h('ul', {}, SECTIONS.map((name) =>
        h('li', {}, h('a', {href: href(`/admin/${name}`), 'aria-current': name === params.section ? 'page' : null},
          t(`admin.${name}`)))))),
      h('section', {class: 'admin-section', 'aria-labelledby': 'admin-section-title'},
        h('h2', {id: 'admin-section-title'}, t(`admin.${params.section}`)), body));
    await section.default(body, query, signal);
  } catch (error) {
    showError(outlet, error);
  }
}
