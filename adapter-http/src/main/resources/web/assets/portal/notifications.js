// Notifications (#/notifications, #/notifications?unread=true): support's replies and status changes on the customer's
// tickets, newest first; one or all marked read. Opening one's ticket marks it read too. The list and the header's
// unread count follow the change feed.
import {h, replace, field, select} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import {href, replaceQuery} from '../lib/router.js';
import {onChange} from '../lib/live.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';
import {pager, debounce, pageNumber} from './lists.js';
import {refreshUnreadCount} from './unread.js';
import {whileBusy} from './forms.js';

register({
  en: {'notifications.title': 'Notifications', 'notifications.show': 'Show', 'notifications.all': 'All',
    'notifications.unread': 'Unread only', 'notifications.read-all': 'Mark all as read',
    'notifications.read-one': 'Mark as read', 'notifications.none': 'No notifications.',
    'notifications.none-unread': 'Nothing unread.', 'notifications.count': 'Unread: {count}',
    'notifications.is-unread': 'Unread', 'notifications.type.staff_replied': 'Support replied',
    'notifications.type.status_changed': 'Status changed', 'notifications.type.other': 'Update'},
  ru: {'notifications.title': 'Уведомления', 'notifications.show': 'Показать', 'notifications.all': 'Все',
    'notifications.unread': 'Только непрочитанные', 'notifications.read-all': 'Отметить все прочитанными',
    'notifications.read-one': 'Прочитано', 'notifications.none': 'Уведомлений нет.',
    'notifications.none-unread': 'Непрочитанных нет.', 'notifications.count': 'Непрочитанных: {count}',
    'notifications.is-unread': 'Не прочитано', 'notifications.type.staff_replied': 'Ответ поддержки',
    'notifications.type.status_changed': 'Статус изменён', 'notifications.type.other': 'Обновление'},
});

const KNOWN_TYPES = new Set(['staff_replied', 'status_changed']);
const PATH = '/api/v1/portal/notifications';

export default async function notificationsPage(outlet, params, query, signal) {
  const state = {unread: query.get('unread') === 'true', page: pageNumber(query)};
  const count = h('p', {class: 'count', role: 'status'});
  const results = h('div', {class: 'results'});
  const readAll = h('button', {type: 'button'}, t('notifications.read-all'));
  let latest = 0;

  const load = async () => {
    if (signal.aborted) return;
    const asked = ++latest;
    replaceQuery({unread: state.unread ? 'true' : '', page: state.page > 1 ? state.page : ''});
    try {
      const page = await api.get(PATH, {unread: state.unread ? 'true' : undefined, page: state.page});
      if (signal.aborted || asked !== latest) return;
      replace(count, t('notifications.count', {count: page.unread_count}));
      readAll.disabled = page.unread_count === 0;
      replace(results, listing(page, state, load));
    } catch (error) {
      showError(results, error);
    }
    refreshUnreadCount();
  };

  const show = select('unread', [['', t('notifications.all')], ['true', t('notifications.unread')]],
    state.unread ? 'true' : '');
  show.addEventListener('change', () => { state.unread = show.value === 'true'; state.page = 1; load(); });
  readAll.addEventListener('click', () => whileBusy(readAll, async () => {
    try {
      await api.post(`${PATH}/read-all`);
    } catch (error) {
      showError(results, error);
    }
    await load();
  }));
  replace(outlet, h('h1', {}, t('notifications.title')),
    h('div', {class: 'portal-bar'}, h('div', {class: 'toolbar'}, field(t('notifications.show'), show)), readAll),
    count, results);
  await load();
  onChange(debounce(load, 300), signal);
}

function listing(page, state, reload) {
  if (page.items.length === 0) {
    return h('p', {class: 'empty'}, state.unread ? t('notifications.none-unread') : t('notifications.none'));
  }
  const goTo = (number) => { state.page = number; reload(); };
  return [
    h('ul', {class: 'notifications'}, page.items.map((item) => entry(item, reload))),
    pager(page.pagination, goTo),
  ];
}

function entry(item, reload) {
  const unread = !item.read_at;
  const markRead = () => api.post(`${PATH}/${encodeURIComponent(item.id)}/read`);
  const type = t(`notifications.type.${KNOWN_TYPES.has(item.type) ? item.type : 'other'}`);
  const link = item.ticket_id
    ? h('a', {href: href(`/tickets/${item.ticket_id}`),
      onclick: () => unread && markRead().then(refreshUnreadCount, () => {})}, `${item.ticket_number}: ${item.title}`)
    : item.title;
  return h('li', {class: `notification${unread ? ' unread' : ''}`},
    h('p', {class: 'what'}, unread ? h('span', {class: 'visually-hidden'}, `${t('notifications.is-unread')}: `) : null,
      h('strong', {}, type), ' — ', link),
    h('p', {class: 'meta'}, h('time', {datetime: item.created_at}, dateTime(item.created_at))),
    unread ? h('button', {type: 'button', class: 'link',
      'aria-label': `${t('notifications.read-one')}: ${item.ticket_number || item.title}`,
      // A failure shows as the notification staying unread.
      onclick: (event) => { event.target.disabled = true; markRead().catch(() => {}).then(reload); },
    }, t('notifications.read-one')) : null);
}
