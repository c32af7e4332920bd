// Moving through a paginated list ({items, pagination:{page, limit, total, total_pages}}, §17).
import {h} from './dom.js';
import {t, register} from './i18n.js';

register({
  en: {'paging.label': 'Pages', 'paging.previous': 'Previous page', 'paging.next': 'Next page',
    'paging.position': 'Page {page} of {pages} ({total} in all)'},
  ru: {'paging.label': 'Страницы', 'paging.previous': 'Предыдущая страница', 'paging.next': 'Следующая страница',
    'paging.position': 'Страница {page} из {pages} (всего {total})'},
});

/** Previous/next buttons and where the reader is; go(page) shows another page. Nothing when all fits on one. */
export function pager(pagination, go) {
  const {page, total, total_pages: pages} = pagination;
  if (pages <= 1) return null;
  return h('nav', {class: 'pager', 'aria-label': t('paging.label')},
    h('button', {type: 'button', disabled: page <= 1, onclick: () => go(page - 1)}, t('paging.previous')),
    h('span', {}, t('paging.position', {page, pages, total})),
    h('button', {type: 'button', disabled: page >= pages, onclick: () => go(page + 1)}, t('paging.next')));
}
