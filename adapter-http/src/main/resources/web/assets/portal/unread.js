// The unread count on the header's Notifications link, kept up to date from the change feed: a support reply or a
// status change, the events that bring customers notifications, arrives with its notification already written.
import {h, replace} from '../lib/dom.js';
import {t, register} from '../lib/i18n.js';
import {onChange} from '../lib/live.js';
import * as api from '../lib/api.js';
import {debounce} from './lists.js';

register({
  en: {'unread.count': '{count} unread'},
  ru: {'unread.count': 'непрочитанных: {count}'},
});

/** Shows the count now and after every change the customer hears of, for as long as the page is open. */
export function followUnreadCount() {
  refreshUnreadCount();
  onChange(debounce(refreshUnreadCount, 300));
}

export async function refreshUnreadCount() {
  const link = document.getElementById('nav-notifications');
  if (!link) return;
  let count;
  try {
    count = (await api.get('/api/v1/portal/notifications', {unread: 'true', limit: 1})).unread_count;
  } catch {
    return; // the count is a hint: the page itself says what went wrong
  }
  replace(link, t('nav.notifications'), count > 0
    ? [' ', h('span', {class: 'unread-count', 'aria-hidden': 'true'}, String(count)),
      h('span', {class: 'visually-hidden'}, ` (${t('unread.count', {count})})`)]
    : null);
}
