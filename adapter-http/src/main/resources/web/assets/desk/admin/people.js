// People: the tenant's staff (agents and admins) and customers; add them, change a staff member's role, deactivate
// (who can then neither sign in nor be assigned) and reactivate.
import {h, replace, field, select} from '../../lib/dom.js';
import {t, register} from '../../lib/i18n.js';
import * as api from '../../lib/api.js';
import {navigate} from '../../lib/router.js';
import {pager} from '../../lib/paging.js';
import {onSubmit} from '../../lib/forms.js';
import {part, table, announce, act, LANGUAGES} from './parts.js';

register({
  en: {
    'people.staff': 'Agents and admins', 'people.customers': 'Customers', 'people.name': 'Name',
    'people.email': 'Email', 'people.role': 'Role', 'people.state': 'State', 'people.active': 'Active',
    'people.inactive': 'Deactivated', 'people.actions': 'Actions', 'people.role-of': 'Role of {name}',
    'people.change-role': 'Change role', 'people.deactivate': 'Deactivate', 'people.reactivate': 'Reactivate',
    'people.deactivate-confirm': 'Deactivate {name}? They can no longer sign in or be assigned.',
    'people.role-changed': '{name} is now {role}.', 'people.deactivated': '{name} was deactivated.',
    'people.reactivated': '{name} was reactivated.', 'people.add-staff': 'Add an agent or admin',
    'people.add-customer': 'Add a customer', 'people.password': 'Password', 'people.password-hint': 'At least 8 characters.',
    'people.password-optional': 'Optional: without one, the customer cannot sign in with a password.',
    'people.organisation': 'Organisation', 'people.no-organisation': 'None', 'people.language': 'Language of their mail',
    'people.add': 'Add', 'people.added': '{name} was added.', 'people.none': 'Nobody yet.',
  },
  ru: {
    'people.staff': 'Агенты и администраторы', 'people.customers': 'Клиенты', 'people.name': 'Имя',
    'people.email': 'Эл. почта', 'people.role': 'Роль', 'people.state': 'Состояние', 'people.active': 'Активен',
    'people.inactive': 'Отключён', 'people.actions': 'Действия', 'people.role-of': 'Роль: {name}',
    'people.change-role': 'Сменить роль', 'people.deactivate': 'Отключить', 'people.reactivate': 'Включить',
    'people.deactivate-confirm': 'Отключить {name}? Он не сможет входить и получать обращения.',
    'people.role-changed': '{name}: новая роль — {role}.', 'people.deactivated': '{name} отключён.',
    'people.reactivated': '{name} снова активен.', 'people.add-staff': 'Добавить агента или администратора',
    'people.add-customer': 'Добавить клиента', 'people.password': 'Пароль', 'people.password-hint': 'Не короче 8 символов.',
    'people.password-optional': 'Необязательно: без пароля клиент не сможет войти по паролю.',
    'people.organisation': 'Организация', 'people.no-organisation': 'Нет', 'people.language': 'Язык писем',
    'people.add': 'Добавить', 'people.added': '{name} добавлен.', 'people.none': 'Пока никого.',
  },
});

const STAFF_ROLES = ['agent', 'admin'];

export default async function peopleSection(body, query, signal) {
  const pages = {staff_page: Number(query.get('staff_page')) || 1, customers_page: Number(query.get('customers_page')) || 1};
  const go = (name) => (page) => navigate('/admin/people', {...pages, [name]: page});
  const render = async (message) => {
    const [staff, customers, organisations] = await Promise.all([
      api.get('/api/v1/agents', {page: pages.staff_page, limit: 50}),
      api.get('/api/v1/customers', {page: pages.customers_page, limit: 50}),
      api.get('/api/v1/organizations', {limit: 100}),
    ]);
    if (signal.aborted) return;
    replace(body,
      part(t('people.staff'), peopleTable(body, staff.items, '/api/v1/agents', render),
        pager(staff.pagination, go('staff_page')), addStaffForm(render)),
      part(t('people.customers'), peopleTable(body, customers.items, '/api/v1/customers', render),
        pager(customers.pagination, go('customers_page')), addCustomerForm(organisations.items, render)));
    if (message) announce(body, message);
  };
  await render();
}

function peopleTable(body, people, path, render) {
  if (people.length === 0) return h('p', {}, t('people.none'));
  return table(
    [t('people.name'), t('people.email'), t('people.role'), t('people.state'), t('people.actions')],
    people.map((person) => [
      person.name,
      person.email,
      person.role === 'customer' ? t('role.customer') : roleForm(person, path, render),
      person.active ? t('people.active') : t('people.inactive'),
      person.active
        ? h('button', {type: 'button', class: 'danger', onclick: () => act(body, {
          question: t('people.deactivate-confirm', {name: person.name}), confirmLabel: t('people.deactivate'),
          change: () => api.patch(`${path}/${person.id}`, {active: false}),
          render, done: t('people.deactivated', {name: person.name}),
        })}, t('people.deactivate'))
        : h('button', {type: 'button', onclick: () => act(body, {
          change: () => api.patch(`${path}/${person.id}`, {active: true}),
          render, done: t('people.reactivated', {name: person.name}),
        })}, t('people.reactivate')),
    ]));
}

function roleForm(person, path, render) {
  const form = h('form', {class: 'inline'},
    select('role', STAFF_ROLES.map((role) => [role, t(`role.${role}`)]), person.role,
      {'aria-label': t('people.role-of', {name: person.name})}),
    h('button', {type: 'submit'}, t('people.change-role')));
  return onSubmit(form, async ({role}) => {
    await api.patch(`${path}/${person.id}`, {role});
    await render(t('people.role-changed', {name: person.name, role: t(`role.${role}`)}));
  });
}

function addStaffForm(render) {
  const form = h('form', {class: 'card'},
    h('h4', {}, t('people.add-staff')),
    field(t('people.name'), h('input', {name: 'name', required: true, autocomplete: 'off'})),
    field(t('people.email'), h('input', {name: 'email', type: 'email', required: true, autocomplete: 'off'})),
    field(t('people.role'), select('role', STAFF_ROLES.map((role) => [role, t(`role.${role}`)]), 'agent')),
    field(t('people.password'), h('input', {name: 'password', type: 'password', required: true, minlength: 8,
      autocomplete: 'new-password'}), t('people.password-hint')),
    field(t('people.language'), select('language', LANGUAGES, 'en')),
    h('button', {type: 'submit', class: 'primary'}, t('people.add')));
  return onSubmit(form, async (values) => {
    const person = await api.post('/api/v1/agents', values);
    await render(t('people.added', {name: person.name}));
  });
}

function addCustomerForm(organisations, render) {
  const form = h('form', {class: 'card'},
    h('h4', {}, t('people.add-customer')),
    field(t('people.name'), h('input', {name: 'name', required: true, autocomplete: 'off'})),
    field(t('people.email'), h('input', {name: 'email', type: 'email', required: true, autocomplete: 'off'})),
    field(t('people.password'), h('input', {name: 'password', type: 'password', minlength: 8,
      autocomplete: 'new-password'}), t('people.password-optional')),
    field(t('people.organisation'), select('organization_id',
      [['', t('people.no-organisation')], ...organisations.map((org) => [org.id, org.name])], '')),
    field(t('people.language'), select('language', LANGUAGES, 'en')),
    h('button', {type: 'submit', class: 'primary'}, t('people.add')));
  return onSubmit(form, async (values) => {
    const person = await api.post('/api/v1/customers', values);
    await render(t('people.added', {name: person.name}));
  });
}
