// The agent's in-app notifications (§13): all or unread only, each marked read on its own or all at once; the header
// link's unread count follows.
import {h, replace, field} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {href, replaceQuery} from '../lib/router.js';
import {onChange} from '../lib/live.js';
import {showError} from '../lib/shell.js';
import {showUnread} from './unread.js';

register({
  en: {
    'notif.title': 'Notifications', 'notif.unread-only': 'Unread only', 'notif.read-all': 'Mark all read',
    'notif.read': 'Mark read', 'notif.unread': 'Unread', 'notif.none': 'No notifications.',
    'notif.count': '{count} unread', 'notif.marked': '{count} marked read.', 'notif.pages': 'Pages',
    'notif.page': 'Page {page} of {pages}', 'notif.previous': 'Previous page', 'notif.next': 'Next page',
    'notif.type.ticket_created': 'New ticket', 'notif.type.customer_replied': 'Customer replied',
    'notif.type.staff_replied': 'Staff replied', 'notif.type.internal_note_added': 'Internal note',
    'notif.type.status_changed': 'Status changed', 'notif.type.ticket_escalated': 'Escalated',
    'notif.type.sla_breached': 'SLA breached', 'notif.type.feedback_given': 'Feedback',
    'notif.type.call_requested': 'Call-back requested',
  },
  ru: {
    'notif.title': 'Уведомления', 'notif.unread-only': 'Только непрочитанные', 'notif.read-all': 'Прочитать все',
    'notif.read': 'Отметить прочитанным', 'notif.unread': 'Не прочитано', 'notif.none': 'Уведомлений нет.',
    'notif.count': 'Непрочитанных: {count}', 'notif.marked': 'Отмечено прочитанными: {count}.', 'notif.pages': 'Страницы',
    'notif.page': 'Страница {page} из {pages}', 'notif.previous': 'Предыдущая страница', 'notif.next': 'Следующая страница',
    'notif.type.ticket_created': 'Новое обращение', 'notif.type.customer_replied': 'Ответ клиента',
    'notif.type.staff_replied': 'Ответ сотрудника', 'notif.type.internal_note_added': 'Внутренняя заметка',
    'notif.type.status_changed': 'Статус изменён', 'notif.type.ticket_escalated': 'Эскалация',
    'notif.type.sla_breached': 'SLA нарушен', 'notif.type.feedback_given': 'Оценка',
    'notif.type.call_requested': 'Запрошен звонок',
  },
});

const LIVE_DELAY_MS = 1500;

export default async function notificationsPage(outlet, params, query, signal) {
  let view = {unread: query.get('unread') === 'true' ? 'true' : undefined, page: query.get('page') || undefined};
  const list = h('div', {});
  const status = h('p', {class: 'count', role: 'status'});
  const problem = h('p', {class: 'error', role: 'alert'});
  const unreadOnly = h('input', {type: 'checkbox', name: 'unread', checked: view.unread === 'true'});

  const load = async () => {
    try {
      const page = await api.get('/api/v1/notifications', view);
      if (signal.aborted) return;
      showUnread(page.unread_count);
      replace(status, t('notif.count', {count: page.unread_count}));
      replace(list, page.items.length ? h('ul', {class: 'notifications'}, page.items.map(item)) : h('p', {}, t('notif.none')),
        pager(page.pagination));
    } catch (error) {
      showError(list, error);
    }
  };
  const apply = (next) => {
    view = next;
    replaceQuery(view);
    load();
  };
  const act = async (request, said) => {
    replace(problem);
    try {
      const answer = await request();
      await load();
      if (said) replace(status, said(answer));
    } catch (error) {
      replace(problem, error.message);
    }
  };

  const item = (notification) => {
    const target = notification.ticket_id ? href(`/tickets/${notification.ticket_id}`)
      : notification.call_id ? href('/calls') : null;
    const unread = !notification.read_at;
    const markRead = () => api.post(`/api/v1/notifications/${notification.id}/read`);
    return h('li', {class: `notification${unread ? ' unread' : ''}`},
      h('div', {class: 'meta'}, h('strong', {}, t(`notif.type.${notification.type}`)),
        notification.ticket_number ? ` · ${notification.ticket_number}` : null, ' · ',
        h('time', {datetime: notification.created_at}, dateTime(notification.created_at)),
        unread ? [' · ', h('span', {class: 'badge unread'}, t('notif.unread'))] : null),
      target ? h('a', {href: target, class: 'subject', onclick: () => { if (unread) markRead().catch(() => {}); }}, notification.title)
        : h('span', {class: 'subject'}, notification.title),
      unread ? [' ', h('button', {type: 'button', class: 'link', onclick: () => act(markRead)}, t('notif.read'))] : null);
  };
  const pager = (pagination) => pagination.total_pages <= 1 ? null : h('nav', {class: 'pager', 'aria-label': t('notif.pages')},
    h('button', {type: 'button', disabled: pagination.page <= 1,
      onclick: () => apply({...view, page: String(pagination.page - 1)})}, t('notif.previous')),
    h('span', {}, t('notif.page', {page: pagination.page, pages: pagination.total_pages})),
    h('button', {type: 'button', disabled: pagination.page >= pagination.total_pages,
      onclick: () => apply({...view, page: String(pagination.page + 1)})}, t('notif.next')));

  unreadOnly.addEventListener('change', () => apply({unread: unreadOnly.checked ? 'true' : undefined}));
  replace(outlet, h('h1', {}, t('notif.title')),
    h('div', {class: 'toolbar'}, field(t('notif.unread-only'), unreadOnly),
      h('button', {type: 'button', onclick: () => act(() => api.post('/api/v1/notifications/read-all'),
        (answer) => t('notif.marked', {count: answer.marked}))}, t('notif.read-all'))),
    status, problem, list);
  await load();
  let timer = null;
  onChange(() => {
    clearTimeout(timer);
    timer = setTimeout(load, LIVE_DELAY_MS);
  }, signal);
  signal.addEventListener('abort', () => clearTimeout(timer));
}
