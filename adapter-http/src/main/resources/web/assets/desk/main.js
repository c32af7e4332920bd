// The agent console (§10, §15). Each page is a module of its own under /assets/desk/, loaded when first shown.
import {startArea} from '../lib/shell.js';
import {startRouter} from '../lib/router.js';
import {openStream} from '../lib/live.js';
import {t, register} from '../lib/i18n.js';
import {followUnread} from './unread.js';

register({
  en: {'desk.title': 'Supportdesk console', 'nav.queue': 'Queue', 'nav.calls': 'Call-backs', 'nav.kb': 'Knowledge base',
    'nav.stats': 'Stats', 'nav.admin': 'Admin', 'nav.notifications': 'Notifications',
    'desk.go-portal': 'You are a customer: open the portal'},
  ru: {'desk.title': 'Консоль Supportdesk', 'nav.queue': 'Очередь', 'nav.calls': 'Обратные звонки', 'nav.kb': 'База знаний',
    'nav.stats': 'Статистика', 'nav.admin': 'Администрирование', 'nav.notifications': 'Уведомления',
    'desk.go-portal': 'Вы клиент: откройте портал'},
});

const ROUTES = [
  {pattern: '/queue', module: '/assets/desk/queue.js'},
  {pattern: '/tickets/:id', module: '/assets/desk/ticket.js'},
  {pattern: '/calls', module: '/assets/desk/calls.js'},
  {pattern: '/kb', module: '/assets/desk/kb.js'},
  {pattern: '/kb/:id', module: '/assets/desk/kb.js'},
  {pattern: '/stats', module: '/assets/desk/stats.js'},
  {pattern: '/notifications', module: '/assets/desk/notifications.js'},
  {pattern: '/admin/:section', module: '/assets/desk/admin.js'},
];

startArea({
  title: t('desk.title'),
  admits: (role) => role === 'agent' || role === 'admin',
  elsewhere: () => ({href: '/', label: t('desk.go-portal')}),
  nav: (session) => [
    ['#/queue', t('nav.queue')],
    ['#/calls', t('nav.calls')],
    ['#/kb', t('nav.kb')],
    ['#/stats', t('nav.stats')],
    ['#/notifications', t('nav.notifications'), {id: 'nav-notifications'}],
    ...(session.person.role === 'admin' ? [['#/admin/people', t('nav.admin')]] : []),
  ],
  start: (main) => {
    openStream('/api/v1/events');
    followUnread();
    startRouter(ROUTES, main, '/queue');
  },
});
