// My tickets: the customer's tickets (and their organisation's when it shares them), newest first.
import {h, replace} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {showError} from '../lib/shell.js';

register({
  en: {'tickets.title': 'My tickets', 'tickets.none': 'No tickets yet.', 'col.number': 'Number', 'col.subject': 'Subject',
    'col.status': 'Status', 'col.updated': 'Updated'},
  ru: {'tickets.title': 'Мои обращения', 'tickets.none': 'Обращений пока нет.', 'col.number': 'Номер', 'col.subject': 'Тема',
    'col.status': 'Статус', 'col.updated': 'Обновлено'},
});

export default async function ticketsPage(outlet) {
  try {
    const page = await api.get('/api/v1/portal/tickets');
    replace(outlet, h('h1', {}, t('tickets.title')), page.items.length === 0 ? h('p', {}, t('tickets.none'))
      : h('table', {class: 'list'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('col.number')), h('th', {scope: 'col'}, t('col.subject')),
          h('th', {scope: 'col'}, t('col.status')), h('th', {scope: 'col'}, t('col.updated')))),
        h('tbody', {}, page.items.map((ticket) => h('tr', {},
          h('td', {}, ticket.number), h('td', {class: 'subject'}, ticket.subject),
          h('td', {}, h('span', {class: `status status-${ticket.status}`}, ticket.status)),
          h('td', {}, dateTime(ticket.updated_at)))))));
  } catch (error) {
    showError(outlet, error);
  }
}
