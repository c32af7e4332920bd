// Webhooks: URLs subscribed to event types, signed with a secret answered once (docs/notifications.md), each with
// its delivery log; a failed or parked delivery can be retried.
import {h, replace, field, select} from '../../lib/dom.js';
import {t, register, dateTime} from '../../lib/i18n.js';
import * as api from '../../lib/api.js';
import {navigate} from '../../lib/router.js';
import {pager} from '../../lib/paging.js';
import {onSubmit} from '../../lib/forms.js';
import {part, table, announce, act, secretOnce} from './parts.js';

register({
  en: {
    'hooks.list': 'Subscriptions', 'hooks.url': 'URL', 'hooks.events': 'Events', 'hooks.description': 'Description',
    'hooks.created': 'Created', 'hooks.actions': 'Actions', 'hooks.none': 'No webhooks yet.', 'hooks.delete': 'Delete',
    'hooks.delete-confirm': 'Delete the webhook to {url}? Deliveries still owed to it are parked.',
    'hooks.deleted': 'The webhook to {url} was deleted.', 'hooks.create': 'Subscribe a URL', 'hooks.create-button': 'Subscribe',
    'hooks.url-hint': 'https:// (or http://) on a public address.', 'hooks.created-done': 'The webhook to {url} was created.',
    'hooks.secret': 'Signing secret', 'hooks.log': 'Delivery log of {url}', 'hooks.state': 'State', 'hooks.any': 'Any',
    'hooks.show': 'Show', 'hooks.event': 'Event', 'hooks.attempts': 'Attempts', 'hooks.answer': 'Last answer',
    'hooks.error': 'Last error', 'hooks.retry': 'Retry', 'hooks.retried': 'The delivery is due again now.',
    'hooks.no-deliveries': 'No deliveries.', 'hooks.answer-value': '{code} in {ms} ms',
    'hooks.event-all': 'Every event (*)', 'state.pending': 'Pending', 'state.failed': 'Failed', 'state.sent': 'Sent',
    'state.parked': 'Parked',
  },
  ru: {
    'hooks.list': 'Подписки', 'hooks.url': 'URL', 'hooks.events': 'События', 'hooks.description': 'Описание',
    'hooks.created': 'Создан', 'hooks.actions': 'Действия', 'hooks.none': 'Вебхуков пока нет.', 'hooks.delete': 'Удалить',
    'hooks.delete-confirm': 'Удалить вебхук на {url}? Неотправленные доставки будут отложены.',
    'hooks.deleted': 'Вебхук на {url} удалён.', 'hooks.create': 'Подписать URL', 'hooks.create-button': 'Подписать',
    'hooks.url-hint': 'https:// (или http://) на публичный адрес.', 'hooks.created-done': 'Вебхук на {url} создан.',
    'hooks.secret': 'Секрет подписи', 'hooks.log': 'Журнал доставок {url}', 'hooks.state': 'Состояние', 'hooks.any': 'Любое',
    'hooks.show': 'Показать', 'hooks.event': 'Событие', 'hooks.attempts': 'Попытки', 'hooks.answer': 'Последний ответ',
    'hooks.error': 'Последняя ошибка', 'hooks.retry': 'Повторить', 'hooks.retried': 'Доставка снова запланирована.',
    'hooks.no-deliveries': 'Доставок нет.', 'hooks.answer-value': '{code} за {ms} мс',
    'hooks.event-all': 'Все события (*)', 'state.pending': 'Ожидает', 'state.failed': 'Ошибка', 'state.sent': 'Отправлена',
    'state.parked': 'Отложена',
  },
});

const EVENTS = ['*', 'ticket_created', 'message_added', 'status_changed', 'ticket_escalated', 'sla_breached',
  'feedback_given', 'call_requested'];
const STATES = ['pending', 'failed', 'sent', 'parked'];

export default async function webhooksSection(body, query, signal) {
  const page = Number(query.get('page')) || 1;
  const render = async (message) => {
    const hooks = await api.get('/api/v1/webhooks', {page, limit: 20});
    if (signal.aborted) return;
    replace(body,
      part(t('hooks.list'), hooks.items.length === 0 ? h('p', {}, t('hooks.none')) : table(
        [t('hooks.url'), t('hooks.events'), t('hooks.description'), t('hooks.created'), t('hooks.actions')],
        hooks.items.map((hook) => [
          h('span', {class: 'subject'}, hook.url),
          hook.events.join(', '),
          hook.description,
          dateTime(hook.created_at),
          h('button', {type: 'button', class: 'danger', onclick: () => act(body, {
            question: t('hooks.delete-confirm', {url: hook.url}), confirmLabel: t('hooks.delete'),
            change: () => api.del(`/api/v1/webhooks/${hook.id}`),
            render, done: t('hooks.deleted', {url: hook.url}),
          })}, t('hooks.delete')),
        ])),
      pager(hooks.pagination, (number) => navigate('/admin/webhooks', {page: number}))),
      hooks.items.map((hook) => deliveryLog(hook)),
      part(t('hooks.create'), createForm(render)));
    if (message) announce(body, message);
  };
  await render();
}

function createForm(render) {
  const form = h('form', {class: 'card'},
    field(t('hooks.url'), h('input', {name: 'url', type: 'url', required: true, maxlength: 2000}), t('hooks.url-hint')),
    h('fieldset', {}, h('legend', {}, t('hooks.events')), EVENTS.map((event) => h('div', {class: 'check'},
      field(event === '*' ? t('hooks.event-all') : event, h('input', {type: 'checkbox', name: 'events', value: event}))))),
    field(t('hooks.description'), h('input', {name: 'description', maxlength: 500})),
    h('button', {type: 'submit', class: 'primary'}, t('hooks.create-button')));
  return onSubmit(form, async (values) => {
    const created = await api.post('/api/v1/webhooks',
      {url: values.url || '', events: new FormData(form).getAll('events'), description: values.description});
    await render([h('p', {}, t('hooks.created-done', {url: created.url})), secretOnce(t('hooks.secret'), created.secret)]);
  });
}

// The log is read when the reader opens it, and again for another state or after a retry.
function deliveryLog(hook) {
  const results = h('div', {});
  const form = h('form', {class: 'toolbar'},
    field(t('hooks.state'), select('state', [['', t('hooks.any')], ...STATES.map((s) => [s, t(`state.${s}`)])], '')),
    h('button', {type: 'submit'}, t('hooks.show')));
  const load = async (message) => {
    const deliveries = await api.get(`/api/v1/webhooks/${hook.id}/deliveries`,
      {state: new FormData(form).get('state'), limit: 50});
    replace(results, message ? h('p', {role: 'status'}, message) : null,
      deliveries.items.length === 0 ? h('p', {}, t('hooks.no-deliveries')) : table(
        [t('hooks.created'), t('hooks.event'), t('hooks.state'), t('hooks.attempts'), t('hooks.answer'), t('hooks.error'),
          t('hooks.actions')],
        deliveries.items.map((delivery) => [
          dateTime(delivery.created_at),
          delivery.event_type,
          t(`state.${delivery.state}`),
          String(delivery.attempts),
          delivery.last_status_code === null ? '—'
            : t('hooks.answer-value', {code: delivery.last_status_code, ms: delivery.last_duration_ms ?? '—'}),
          delivery.last_error || '',
          delivery.state === 'failed' || delivery.state === 'parked'
            ? h('button', {type: 'button', onclick: async () => {
              let outcome = t('hooks.retried');
              try {
                await api.post(`/api/v1/outbox/${delivery.id}/retry`);
              } catch (error) {
                outcome = error.message;
              }
              await load(outcome);
            }}, t('hooks.retry')) : '',
        ])));
  };
  onSubmit(form, () => load());
  const details = h('details', {class: 'delivery-log'}, h('summary', {}, t('hooks.log', {url: hook.url})), form, results);
  details.addEventListener('toggle', () => details.open && load().catch((error) => replace(results,
    h('p', {class: 'error', role: 'alert'}, error.message))));
  return details;
}
