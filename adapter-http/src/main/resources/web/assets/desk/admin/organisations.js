// Organisations: the companies customers belong to; renamed, and whether their members see each other's tickets.
import {h, replace, field} from '../../lib/dom.js';
import {t, register} from '../../lib/i18n.js';
import * as api from '../../lib/api.js';
import {navigate} from '../../lib/router.js';
import {pager} from '../../lib/paging.js';
import {onSubmit} from '../../lib/forms.js';
import {part, table, announce, yesNo} from './parts.js';

register({
  en: {
    'orgs.list': 'Organisations', 'orgs.name': 'Name', 'orgs.shared': 'Members see each other\'s tickets',
    'orgs.change': 'Change', 'orgs.save': 'Save', 'orgs.add': 'Add an organisation', 'orgs.add-button': 'Add',
    'orgs.added': '{name} was added.', 'orgs.saved': '{name} was saved.', 'orgs.none': 'No organisations yet.',
  },
  ru: {
    'orgs.list': 'Организации', 'orgs.name': 'Название', 'orgs.shared': 'Участники видят обращения друг друга',
    'orgs.change': 'Изменить', 'orgs.save': 'Сохранить', 'orgs.add': 'Добавить организацию', 'orgs.add-button': 'Добавить',
    'orgs.added': '{name}: добавлена.', 'orgs.saved': '{name}: сохранено.', 'orgs.none': 'Организаций пока нет.',
  },
});

export default async function organisationsSection(body, query, signal) {
  const page = Number(query.get('page')) || 1;
  const render = async (message) => {
    const organisations = await api.get('/api/v1/organizations', {page, limit: 50});
    if (signal.aborted) return;
    replace(body,
      part(t('orgs.list'),
        organisations.items.length === 0 ? h('p', {}, t('orgs.none')) : table(
          [t('orgs.name'), t('orgs.shared'), t('orgs.change')],
          organisations.items.map((org) => [org.name, yesNo(org.shared_tickets),
            h('details', {}, h('summary', {}, t('orgs.change')), editForm(org, render))])),
        pager(organisations.pagination, (number) => navigate('/admin/organisations', {page: number}))),
      part(t('orgs.add'), addForm(render)));
    if (message) announce(body, message);
  };
  await render();
}

function fields(org) {
  return [
    field(t('orgs.name'), h('input', {name: 'name', required: true, value: org?.name || ''})),
    h('div', {class: 'check'}, field(t('orgs.shared'),
      h('input', {type: 'checkbox', name: 'shared_tickets', checked: Boolean(org?.shared_tickets)}))),
  ];
}

function editForm(org, render) {
  const form = h('form', {}, fields(org), h('button', {type: 'submit', class: 'primary'}, t('orgs.save')));
  return onSubmit(form, async (values) => {
    const saved = await api.patch(`/api/v1/organizations/${org.id}`,
      {name: values.name || '', shared_tickets: values.shared_tickets === 'on'});
    await render(t('orgs.saved', {name: saved.name}));
  });
}

function addForm(render) {
  const form = h('form', {class: 'card'}, fields(null), h('button', {type: 'submit', class: 'primary'}, t('orgs.add-button')));
  return onSubmit(form, async (values) => {
    const org = await api.post('/api/v1/organizations',
      {name: values.name || '', shared_tickets: values.shared_tickets === 'on'});
    await render(t('orgs.added', {name: org.name}));
  });
}
