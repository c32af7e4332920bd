// The knowledge base's editor (§10): the articles, drafts included, searched and filtered in the URL (#/kb), and one
// article to write or change (#/kb/new, #/kb/:id). Published articles are what the portal's search and suggestions
// show customers. Bodies are plain text, shown as text.
import {h, replace, field, select} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';
import {navigate, href} from '../lib/router.js';
import {pager} from '../lib/paging.js';
import {onSubmit, showDone, showProblems, confirmAction} from '../lib/forms.js';
import {isAdmin} from '../lib/session.js';

register({
  en: {
    'kb.title': 'Knowledge base', 'kb.new': 'New article', 'kb.search': 'Search', 'kb.filters': 'Find articles',
    'kb.status': 'Status', 'kb.any': 'Any', 'kb.tag': 'Tag', 'kb.apply': 'Apply', 'kb.none': 'No articles match.',
    'kb.col-title': 'Title', 'kb.col-tags': 'Tags', 'kb.col-updated': 'Updated',
    'kb.draft': 'Draft', 'kb.published': 'Published', 'kb.edit': 'Edit article', 'kb.article-title': 'Title',
    'kb.body': 'Text', 'kb.body-hint': 'Plain text; customers see it as written.', 'kb.tags': 'Tags',
    'kb.tags-hint': 'Lower-case words (letters, digits, - and _), separated by spaces or commas.',
    'kb.save': 'Save', 'kb.create': 'Create', 'kb.delete': 'Delete', 'kb.back': 'All articles',
    'kb.delete-confirm': 'Delete the article “{title}” for good? Unpublishing hides it and can be undone.',
    'kb.created': 'Article created.', 'kb.nothing-changed': 'Nothing was changed.',
    'kb.updated-at': 'Last changed {at}',
  },
  ru: {
    'kb.title': 'База знаний', 'kb.new': 'Новая статья', 'kb.search': 'Поиск', 'kb.filters': 'Поиск статей',
    'kb.status': 'Статус', 'kb.any': 'Любой', 'kb.tag': 'Тег', 'kb.apply': 'Применить', 'kb.none': 'Нет подходящих статей.',
    'kb.col-title': 'Заголовок', 'kb.col-tags': 'Теги', 'kb.col-updated': 'Изменена',
    'kb.draft': 'Черновик', 'kb.published': 'Опубликована', 'kb.edit': 'Правка статьи', 'kb.article-title': 'Заголовок',
    'kb.body': 'Текст', 'kb.body-hint': 'Простой текст; клиенты видят его как написано.', 'kb.tags': 'Теги',
    'kb.tags-hint': 'Слова строчными буквами (буквы, цифры, - и _) через пробел или запятую.',
    'kb.save': 'Сохранить', 'kb.create': 'Создать', 'kb.delete': 'Удалить', 'kb.back': 'Все статьи',
    'kb.delete-confirm': 'Удалить статью «{title}» навсегда? Снятие с публикации скрывает её и обратимо.',
    'kb.created': 'Статья создана.', 'kb.nothing-changed': 'Ничего не изменено.',
    'kb.updated-at': 'Изменена {at}',
  },
});

const STATUSES = ['draft', 'published'];

export default async function kbPage(outlet, params, query, signal) {
  try {
    if (!params.id) await listPage(outlet, query, signal);
    else if (params.id === 'new') editorPage(outlet, null, query, false);
    else {
      const [article, admin] = await Promise.all([api.get(`/api/v1/kb/articles/${params.id}`), isAdmin()]);
      if (!signal.aborted) editorPage(outlet, article, query, admin);
    }
  } catch (error) {
    showError(outlet, error);
  }
}

async function listPage(outlet, query, signal) {
  const filters = {q: query.get('q') || '', status: query.get('status') || '', tag: query.get('tag') || '',
    page: Number(query.get('page')) || 1};
  const page = await api.get('/api/v1/kb/articles', {...filters, limit: 20});
  if (signal.aborted) return;
  const form = h('form', {class: 'toolbar', role: 'search', 'aria-label': t('kb.filters')},
    field(t('kb.search'), h('input', {type: 'search', name: 'q', value: filters.q, maxlength: 500})),
    field(t('kb.status'), select('status', [['', t('kb.any')], ...STATUSES.map((s) => [s, t(`kb.${s}`)])], filters.status)),
    field(t('kb.tag'), h('input', {name: 'tag', value: filters.tag})),
    h('button', {type: 'submit'}, t('kb.apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/kb', Object.fromEntries(new FormData(form)));
  });
  replace(outlet,
    h('h1', {}, t('kb.title')),
    h('p', {}, h('a', {class: 'button primary', href: href('/kb/new')}, t('kb.new'))),
    form,
    page.items.length === 0 ? h('p', {}, t('kb.none')) : h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, [t('kb.col-title'), t('kb.status'), t('kb.col-tags'), t('kb.col-updated')]
        .map((label) => h('th', {scope: 'col'}, label)))),
      h('tbody', {}, page.items.map((article) => h('tr', {},
        h('td', {class: 'subject'}, h('a', {href: href(`/kb/${article.id}`)}, article.title)),
        h('td', {}, statusBadge(article.status)),
        h('td', {}, article.tags.join(', ')),
        h('td', {}, dateTime(article.updated_at)))))),
    pager(page.pagination, (number) => navigate('/kb', {...filters, page: number})));
}

const statusBadge = (status) => h('span', {class: `badge kb-${status}`}, t(`kb.${status}`));

function editorPage(outlet, article, query, admin) {
  const heading = h('h1', {});
  const meta = h('p', {class: 'hint'});
  const showArticle = () => {
    replace(heading, article ? `${t('kb.edit')}: ${article.title}` : t('kb.new'));
    replace(meta, article ? [statusBadge(article.status), ' ', t('kb.updated-at', {at: dateTime(article.updated_at)})] : null);
  };
  const form = h('form', {class: 'card'},
    field(t('kb.article-title'), h('input', {name: 'title', required: true, minlength: 3, maxlength: 200,
      value: article?.title || ''})),
    field(t('kb.body'), h('textarea', {name: 'body', required: true, rows: 14, maxlength: 50000}, article?.body || ''),
      t('kb.body-hint')),
    field(t('kb.tags'), h('input', {name: 'tags', value: article?.tags.join(' ') || ''}), t('kb.tags-hint')),
    field(t('kb.status'), select('status', STATUSES.map((s) => [s, t(`kb.${s}`)]), article?.status || 'draft')),
    h('div', {class: 'actions'},
      h('button', {type: 'submit', class: 'primary'}, article ? t('kb.save') : t('kb.create')),
      article && admin ? h('button', {type: 'button', class: 'danger', onclick: () => remove(article, form)},
        t('kb.delete')) : null));
  onSubmit(form, async (values) => {
    const wanted = {title: values.title || '', body: values.body || '', tags: tagsOf(values.tags), status: values.status};
    if (!article) {
      const created = await api.post('/api/v1/kb/articles', wanted);
      navigate(`/kb/${created.id}`, {created: 1});
      return;
    }
    const patch = Object.fromEntries(Object.entries(wanted)
      .filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(article[name])));
    if (Object.keys(patch).length === 0) throw new Error(t('kb.nothing-changed'));
    article = await api.patch(`/api/v1/kb/articles/${article.id}`, patch);
    showArticle();
    showDone(form);
  });
  showArticle();
  replace(outlet,
    heading,
    h('p', {}, h('a', {href: href('/kb')}, t('kb.back'))),
    query.get('created') ? h('p', {class: 'notice', role: 'status'}, t('kb.created')) : null,
    meta,
    form);
}

const tagsOf = (text) => (text || '').split(/[\s,]+/).filter(Boolean).map((tag) => tag.toLowerCase());

async function remove(article, form) {
  if (!await confirmAction(t('kb.delete-confirm', {title: article.title}), t('kb.delete'))) return;
  try {
    await api.del(`/api/v1/kb/articles/${article.id}`);
    navigate('/kb');
  } catch (error) {
    showProblems(form, error);
  }
}
