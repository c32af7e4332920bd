// Profile (#/profile): who the customer is, their organisation, the language of the mail they are sent, and how many
// tickets they have, each count a link to those tickets. The portal API lets customers read their profile, not change
// it: the mail language is set by the support team; the pages' language is the header's switch.
import {h, replace} from '../lib/dom.js';
import {t, register} from '../lib/i18n.js';
import {href} from '../lib/router.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';

register({
  en: {'profile.title': 'Profile', 'profile.name': 'Name', 'profile.email': 'Email', 'profile.organization': 'Organisation',
    'profile.no-organization': 'None', 'profile.language': 'Language of our emails',
    'profile.language-hint': 'Support can change it for you. The language of these pages is chosen at the top.',
    'profile.tickets': 'Your tickets', 'profile.total': 'All', 'profile.open': 'Open', 'profile.resolved': 'Resolved or closed',
    'profile.lang.en': 'English', 'profile.lang.ru': 'Russian'},
  ru: {'profile.title': 'Профиль', 'profile.name': 'Имя', 'profile.email': 'Эл. почта', 'profile.organization': 'Организация',
    'profile.no-organization': 'Нет', 'profile.language': 'Язык наших писем',
    'profile.language-hint': 'Его может изменить поддержка. Язык этих страниц выбирается вверху.',
    'profile.tickets': 'Ваши обращения', 'profile.total': 'Все', 'profile.open': 'Открытые', 'profile.resolved': 'Решённые и закрытые',
    'profile.lang.en': 'Английский', 'profile.lang.ru': 'Русский'},
});

// Each count and the filter of My tickets that lists the same tickets.
const COUNTS = [['total', 'all'], ['open', 'open'], ['resolved', 'resolved']];

export default async function profilePage(outlet) {
  let me;
  try {
    me = await api.get('/api/v1/portal/me');
  } catch (error) {
    showError(outlet, error);
    return;
  }
  replace(outlet, h('h1', {}, t('profile.title')),
    h('section', {class: 'card profile', 'aria-label': t('profile.title')},
      h('dl', {class: 'details'},
        row(t('profile.name'), me.name),
        row(t('profile.email'), me.email),
        row(t('profile.organization'), me.organization?.name ?? t('profile.no-organization')),
        row(t('profile.language'),
          [t(`profile.lang.${me.language}`), h('small', {class: 'hint'}, t('profile.language-hint'))]))),
    h('section', {'aria-labelledby': 'profile-tickets'}, h('h2', {id: 'profile-tickets'}, t('profile.tickets')),
      h('ul', {class: 'stats'}, COUNTS.map(([count, filter]) => h('li', {},
        h('a', {href: href('/tickets', {status: filter === 'all' ? '' : filter})},
          h('span', {class: 'stat-value'}, String(me.stats[count])),
          h('span', {class: 'stat-label'}, t(`profile.${count}`))))))));
}

function row(label, value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}
