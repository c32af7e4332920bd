// The customer portal (§9, §15). Each page is a module of its own under /assets/portal/, loaded when first shown.
import {startArea} from '../lib/shell.js';
import {startRouter} from '../lib/router.js';
import {openStream} from '../lib/live.js';
import {t, register} from '../lib/i18n.js';
import {followUnreadCount} from './unread.js';

register({
  en: {'portal.title': 'Support portal', 'nav.tickets': 'My tickets', 'nav.new': 'New ticket',
    'nav.notifications': 'Notifications', 'nav.profile': 'Profile', 'portal.go-desk': 'You are staff: open the console'},
  ru: {'portal.title': 'Портал поддержки', 'nav.tickets': 'Мои обращения', 'nav.new': 'Новое обращение',
    'nav.notifications': 'Уведомления', 'nav.profile': 'Профиль', 'portal.go-desk': 'Вы сотрудник: откройте консоль'},
});

const ROUTES = [
  {pattern: '/tickets', module: '/assets/portal/tickets.js'},
  {pattern: '/tickets/:id', module: '/assets/portal/ticket.js'},
  {pattern: '/new', module: '/assets/portal/new-ticket.js'},
  {pattern: '/notifications', module: '/assets/portal/notifications.js'},
  {pattern: '/profile', module: '/assets/portal/profile.js'},
  {pattern: '/kb/:id', module: '/assets/portal/article.js'},
];

startArea({
  title: t('portal.title'),
  admits: (role) => role === 'customer',
  elsewhere: () => ({href: '/desk/', label: t('portal.go-desk')}),
  nav: () => [
    ['#/tickets', t('nav.tickets')],
    ['#/new', t('nav.new')],
    ['#/notifications', t('nav.notifications'), {id: 'nav-notifications'}],
    ['#/profile', t('nav.profile')],
  ],
  start: (main) => {
    openStream('/api/v1/portal/events');
    followUnreadCount();
    startRouter(ROUTES, main, '/tickets');
  },
});
