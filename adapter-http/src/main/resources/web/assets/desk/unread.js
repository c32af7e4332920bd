// The unread count on the header's Notifications link, kept current while the console is open.
import {h, replace} from '../lib/dom.js';
import {t, register} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {onChange} from '../lib/live.js';

register({
  en: {'unread.hidden': 'unread'},
  ru: {'unread.hidden': 'непрочитанных'},
});

/** Notifications are written after the change they tell of: look a moment later, once per burst. */
const AFTER_CHANGE_MS = 1500;

/** Shows `count` on the link (nothing when all is read). */
export function showUnread(count) {
  const link = document.getElementById('nav-notifications');
  if (!link) return;
  replace(link, t('nav.notifications'), count
    ? [' ', h('span', {class: 'badge unread'}, String(count)), h('span', {class: 'visually-hidden'}, ` ${t('unread.hidden')}`)]
    : null);
}

/** Reads the count again and shows it. */
export async function refreshUnread() {
  const page = await api.get('/api/v1/notifications', {unread: 'true', limit: 1});
  showUnread(page.unread_count);
}

/** Keeps the count current for as long as the console is open. */
export function followUnread() {
  let timer = null;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => refreshUnread().catch(() => {}), AFTER_CHANGE_MS);
  };
  refreshUnread().catch(() => {});
  onChange(later);
}
