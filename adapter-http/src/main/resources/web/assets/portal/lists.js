// What the portal's lists share: a pager, and reloads that wait until typing or a burst of live events is over.
import {h} from '../lib/dom.js';
import {t, register} from '../lib/i18n.js';

register({
  en: {'lists.pages': 'Pages', 'lists.page': 'Page {page} of {pages}', 'lists.previous': 'Previous page',
    'lists.next': 'Next page'},
  ru: {'lists.pages': 'Страницы', 'lists.page': 'Страница {page} из {pages}', 'lists.previous': 'Предыдущая страница',
    'lists.next': 'Следующая страница'},
});

/** Previous / next and where the reader is; nothing when everything fits on one page. goTo(page) shows another. */
export function pager({page, total_pages: pages}, goTo) {
  if (pages <= 1) return null;
  return h('nav', {class: 'pager', 'aria-label': t('lists.pages')},
    h('button', {type: 'button', disabled: page <= 1, onclick: () => goTo(page - 1)}, t('lists.previous')),
    h('span', {}, t('lists.page', {page, pages})),
    h('button', {type: 'button', disabled: page >= pages, onclick: () => goTo(page + 1)}, t('lists.next')));
}

/** fn, called once calls to it have been quiet for ms. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** A page number from the URL: 1 unless a whole number above it. */
export function pageNumber(query) {
  return Math.max(1, Number.parseInt(query.get('page'), 10) || 1);
}
