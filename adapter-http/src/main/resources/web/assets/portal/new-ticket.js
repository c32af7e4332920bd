// File a ticket (#/new, or #/new?follow_up_of=<id> after a closed one): subject, description, category, priority and
// files. While the subject is typed, knowledge-base articles that may already answer it are suggested; one the
// customer opened is sent as the ticket's related_article, so the agent knows what they read.
import {h, replace, field, select, formValues} from '../lib/dom.js';
import {t, register} from '../lib/i18n.js';
import {PRIORITIES, priorityLabel} from '../lib/labels.js';
import {href, navigate} from '../lib/router.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';
import {attachmentsField, uploadChosen} from './attachments.js';
import {showProblems, clearProblems, whileBusy, idempotencyKeys} from './forms.js';
import {debounce} from './lists.js';
import {fetchArticle, articleBody, snippet} from './article.js';

register({
  en: {'new.title': 'New ticket', 'new.subject': 'Subject', 'new.subject-hint': 'In a few words: what is wrong?',
    'new.description': 'Description', 'new.description-hint': 'What happened, what you expected, and since when.',
    'new.category': 'Category', 'new.choose': 'Choose…', 'new.priority': 'Priority', 'new.submit': 'Send ticket',
    'new.follow-up': 'This ticket follows up a closed one:', 'new.follow-up-link': 'the earlier ticket',
    'new.suggestions': 'Articles that may help', 'new.suggestions-found': '{count} articles may answer this already.',
    'new.open-article': 'Open the article on its own page'},
  ru: {'new.title': 'Новое обращение', 'new.subject': 'Тема', 'new.subject-hint': 'В двух словах: что случилось?',
    'new.description': 'Описание', 'new.description-hint': 'Что произошло, чего вы ожидали и с какого времени.',
    'new.category': 'Категория', 'new.choose': 'Выберите…', 'new.priority': 'Приоритет', 'new.submit': 'Отправить',
    'new.follow-up': 'Это продолжение закрытого обращения:', 'new.follow-up-link': 'предыдущее обращение',
    'new.suggestions': 'Статьи, которые могут помочь', 'new.suggestions-found': 'Статей, которые могут помочь: {count}.',
    'new.open-article': 'Открыть статью отдельно'},
});

const SUGGEST_AFTER_MS = 300;
const SUGGEST_FROM_CHARS = 3;

export default async function newTicketPage(outlet, params, query) {
  let categories;
  try {
    categories = (await api.get('/api/v1/portal/categories')).categories;
  } catch (error) {
    showError(outlet, error);
    return;
  }
  const followUpOf = query.get('follow_up_of');
  const suggestions = suggestionsPanel();
  const subject = h('input', {name: 'subject', required: true, minlength: 3, maxlength: 255, autocomplete: 'off'});
  subject.addEventListener('input', debounce(() => suggestions.suggestFor(subject.value.trim()), SUGGEST_AFTER_MS));
  const problems = h('p', {class: 'error', role: 'alert'});
  const submit = h('button', {type: 'submit', class: 'primary'}, t('new.submit'));
  const form = h('form', {class: 'card new-ticket'},
    field(t('new.subject'), subject, t('new.subject-hint')),
    suggestions.element,
    field(t('new.description'), h('textarea', {name: 'description', required: true, rows: 8}),
      t('new.description-hint')),
    h('div', {class: 'field-row'},
      field(t('new.category'),
        select('category', [['', t('new.choose')], ...categories.map((name) => [name, name])], '', {required: true})),
      field(t('new.priority'), select('priority', PRIORITIES.map((p) => [p, priorityLabel(p)]), 'medium'))),
    attachmentsField(),
    problems,
    submit);
  const keys = idempotencyKeys();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy(submit, async () => {
      clearProblems(form, problems);
      let attachmentIds;
      try {
        attachmentIds = await uploadChosen(form);
      } catch (error) {
        showProblems(form, problems, error, 'attachment_ids');
        return;
      }
      const body = {...formValues(form), attachment_ids: attachmentIds.length ? attachmentIds : undefined,
        follow_up_of: followUpOf || undefined, related_article: suggestions.opened() || undefined};
      try {
        const ticket = await api.post('/api/v1/portal/tickets', body, {idempotencyKey: keys(body)});
        navigate(`/tickets/${ticket.id}`);
      } catch (error) {
        showProblems(form, problems, error);
      }
    });
  });
  replace(outlet, h('h1', {}, t('new.title')),
    followUpOf ? h('p', {class: 'notice'}, t('new.follow-up'), ' ',
      h('a', {href: href(`/tickets/${followUpOf}`)}, t('new.follow-up-link'))) : null,
    form);
}

/**
 * The articles suggested for the subject: titles that open the article in place (the form keeps what was typed), and
 * a link to its own page. Answers to an older subject than the latest asked are dropped.
 */
function suggestionsPanel() {
  const status = h('p', {class: 'visually-hidden', role: 'status'});
  const list = h('ul', {class: 'suggestions'});
  const reader = h('div', {class: 'kb-reader', id: 'kb-reader'});
  const element = h('section', {class: 'kb-suggestions', 'aria-labelledby': 'kb-suggestions-title', hidden: true},
    h('h2', {id: 'kb-suggestions-title'}, t('new.suggestions')), list, reader);
  let latest = '';
  let opened = null;

  const open = async (hit, button) => {
    for (const other of list.querySelectorAll('button[aria-expanded]')) other.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-expanded', 'true');
    try {
      const article = await fetchArticle(hit.id);
      opened = article.id;
      replace(reader, h('article', {class: 'card'}, h('h3', {}, article.title), articleBody(article),
        h('p', {}, h('a', {href: href(`/kb/${article.id}`)}, t('new.open-article')))));
    } catch (error) {
      showError(reader, error);
    }
  };

  const suggestFor = async (subject) => {
    latest = subject;
    if (subject.length < SUGGEST_FROM_CHARS) {
      element.hidden = true;
      return;
    }
    let hits;
    try {
      hits = (await api.get('/api/v1/portal/kb/suggestions', {subject})).items;
    } catch {
      return; // suggestions are a help, not the task: filing goes on without them
    }
    if (subject !== latest) return;
    element.hidden = hits.length === 0;
    replace(status, hits.length ? t('new.suggestions-found', {count: hits.length}) : '');
    replace(reader);
    replace(list, hits.map((hit) => {
      const button = h('button',
        {type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': 'kb-reader'}, hit.title);
      button.addEventListener('click', () => open(hit, button));
      return h('li', {}, button, h('br'), snippet(hit.snippet));
    }));
  };

  return {element: h('div', {}, status, element), suggestFor, opened: () => opened};
}
