// Categories: the set a ticket is filed under, replaced as a whole; one still in use cannot be removed (409).
import {h, replace, field} from '../../lib/dom.js';
import {t, register} from '../../lib/i18n.js';
import * as api from '../../lib/api.js';
import {onSubmit, confirmAction} from '../../lib/forms.js';
import {announce} from './parts.js';

register({
  en: {
    'cats.intro': 'Customers and agents choose one of these when filing a ticket.', 'cats.name': 'Category {n}',
    'cats.remove': 'Remove {name}', 'cats.add': 'Add a category', 'cats.save': 'Save the categories',
    'cats.saved': 'The categories were saved.', 'cats.new': 'the new category',
    'cats.remove-confirm': 'Remove {names}? A category still in use cannot be removed.', 'cats.removing': 'Remove and save',
  },
  ru: {
    'cats.intro': 'Клиенты и агенты выбирают одну из них, создавая обращение.', 'cats.name': 'Категория {n}',
    'cats.remove': 'Удалить {name}', 'cats.add': 'Добавить категорию', 'cats.save': 'Сохранить категории',
    'cats.saved': 'Категории сохранены.', 'cats.new': 'новую категорию', 'cats.remove-confirm': 'Удалить {names}? Категорию, которая используется, удалить нельзя.',
    'cats.removing': 'Удалить и сохранить',
  },
});

export default async function categoriesSection(body, query, signal) {
  const render = async (message) => {
    const {categories} = await api.get('/api/v1/categories');
    if (signal.aborted) return;
    replace(body, h('p', {}, t('cats.intro')), categoriesForm(categories, render));
    if (message) announce(body, message);
  };
  await render();
}

function categoriesForm(saved, render) {
  const rows = h('ol', {class: 'category-rows'});
  // Names and labels follow the rows' order, so the API's "categories[2]" lands on the third row.
  const renumber = () => [...rows.children].forEach((row, i) => {
    row.querySelector('input').name = `categories[${i}]`;
    replace(row.querySelector('label'), t('cats.name', {n: i + 1}));
  });
  const addRow = (name) => {
    const input = h('input', {value: name, required: true});
    const row = h('li', {}, field('', input),
      h('button', {type: 'button', onclick: () => {
        row.remove();
        renumber();
        rows.querySelector('input')?.focus();
      }}, t('cats.remove', {name: name || t('cats.new')})));
    rows.append(row);
    renumber();
    return input;
  };
  saved.forEach(addRow);
  const form = h('form', {class: 'card'}, rows,
    h('div', {class: 'actions'},
      h('button', {type: 'button', onclick: () => addRow('').focus()}, t('cats.add')),
      h('button', {type: 'submit', class: 'primary'}, t('cats.save'))));
  return onSubmit(form, async () => {
    const categories = [...rows.querySelectorAll('input')].map((input) => input.value.trim());
    const removed = saved.filter((name) => !categories.includes(name));
    if (removed.length > 0
      && !await confirmAction(t('cats.remove-confirm', {names: removed.join(', ')}), t('cats.removing'))) return;
    await api.put('/api/v1/categories', {categories});
    await render(t('cats.saved'));
  });
}
