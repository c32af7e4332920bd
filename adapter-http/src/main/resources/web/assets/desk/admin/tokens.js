// API tokens: integrations act with a staff role through a bearer token. Its secret is answered once, at creation;
// revoking it refuses it from then on.
import {h, replace, field, select} from '../../lib/dom.js';
import {t, register, dateTime} from '../../lib/i18n.js';
import * as api from '../../lib/api.js';
import {onSubmit} from '../../lib/forms.js';
import {part, table, announce, act, secretOnce} from './parts.js';

register({
  en: {
    'tokens.list': 'Tokens', 'tokens.name': 'Name', 'tokens.role': 'Acts as', 'tokens.created': 'Created',
    'tokens.state': 'State', 'tokens.active': 'Active', 'tokens.revoked': 'Revoked {at}', 'tokens.revoke': 'Revoke',
    'tokens.revoke-confirm': 'Revoke the token “{name}”? Integrations using it stop working at once.',
    'tokens.revoked-done': 'The token “{name}” was revoked.', 'tokens.create': 'Create a token',
    'tokens.create-button': 'Create', 'tokens.created-done': 'The token “{name}” was created.',
    'tokens.secret': 'The token', 'tokens.none': 'No tokens yet.', 'tokens.actions': 'Actions',
  },
  ru: {
    'tokens.list': 'Токены', 'tokens.name': 'Название', 'tokens.role': 'Роль', 'tokens.created': 'Создан',
    'tokens.state': 'Состояние', 'tokens.active': 'Действует', 'tokens.revoked': 'Отозван {at}', 'tokens.revoke': 'Отозвать',
    'tokens.revoke-confirm': 'Отозвать токен «{name}»? Интеграции с ним сразу перестанут работать.',
    'tokens.revoked-done': 'Токен «{name}» отозван.', 'tokens.create': 'Создать токен',
    'tokens.create-button': 'Создать', 'tokens.created-done': 'Токен «{name}» создан.',
    'tokens.secret': 'Токен', 'tokens.none': 'Токенов пока нет.', 'tokens.actions': 'Действия',
  },
});

export default async function tokensSection(body, query, signal) {
  const render = async (message) => {
    const tokens = await api.get('/api/v1/api-tokens');
    if (signal.aborted) return;
    replace(body,
      part(t('tokens.list'), tokens.items.length === 0 ? h('p', {}, t('tokens.none')) : table(
        [t('tokens.name'), t('tokens.role'), t('tokens.created'), t('tokens.state'), t('tokens.actions')],
        tokens.items.map((token) => [
          token.name,
          t(`role.${token.role}`),
          dateTime(token.created_at),
          token.revoked_at ? t('tokens.revoked', {at: dateTime(token.revoked_at)}) : t('tokens.active'),
          token.revoked_at ? '' : h('button', {type: 'button', class: 'danger', onclick: () => act(body, {
            question: t('tokens.revoke-confirm', {name: token.name}), confirmLabel: t('tokens.revoke'),
            change: () => api.del(`/api/v1/api-tokens/${token.id}`),
            render, done: t('tokens.revoked-done', {name: token.name}),
          })}, t('tokens.revoke')),
        ]))),
      part(t('tokens.create'), createForm(render)));
    if (message) announce(body, message);
  };
  await render();
}

function createForm(render) {
  const form = h('form', {class: 'card'},
    field(t('tokens.name'), h('input', {name: 'name', required: true, autocomplete: 'off'})),
    field(t('tokens.role'), select('role', [['agent', t('role.agent')], ['admin', t('role.admin')]], 'agent')),
    h('button', {type: 'submit', class: 'primary'}, t('tokens.create-button')));
  return onSubmit(form, async (values) => {
    const created = await api.post('/api/v1/api-tokens', values);
    await render([h('p', {}, t('tokens.created-done', {name: created.name})), secretOnce(t('tokens.secret'), created.token)]);
  });
}
