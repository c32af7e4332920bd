// A knowledge-base article (#/kb/:id), as the suggestions while filing a ticket link to it. Titles, bodies and
// snippets are plain text: they are shown as text, the search's matches marked with <mark> elements of our own.
import {h, replace} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';

register({
  en: {'article.updated': 'Updated {when}', 'article.file': 'Still need help? File a ticket'},
  ru: {'article.updated': 'Обновлено {when}', 'article.file': 'Нужна помощь? Создайте обращение'},
});

export default async function articlePage(outlet, params) {
  try {
    const article = await fetchArticle(params.id);
    replace(outlet, h('article', {class: 'card kb-article'}, h('h1', {}, article.title), articleBody(article)),
      h('p', {}, h('a', {href: '#/new'}, t('article.file'))));
  } catch (error) {
    showError(outlet, error);
  }
}

export function fetchArticle(id) {
  return api.get(`/api/v1/portal/kb/articles/${encodeURIComponent(id)}`);
}

/** An article's date and body, as text. */
export function articleBody(article) {
  return [
    h('p', {class: 'meta'}, t('article.updated', {when: dateTime(article.updated_at)})),
    h('div', {class: 'body'}, article.body),
  ];
}

/** A search snippet: its text with each matched range in a mark element. */
export function snippet({text, highlights}) {
  const parts = [];
  let at = 0;
  for (const {start, end} of highlights) {
    parts.push(text.slice(at, start), h('mark', {}, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return h('span', {class: 'snippet'}, parts);
}
