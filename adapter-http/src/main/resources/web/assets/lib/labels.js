// The words for the API's enumerations, shared by portal and console.
import {t, register} from './i18n.js';

register({
  en: {
    'status.new': 'New', 'status.in_progress': 'In progress', 'status.waiting_on_customer': 'Waiting on you',
    'status.on_hold': 'On hold', 'status.resolved': 'Resolved', 'status.closed': 'Closed',
    'priority.low': 'Low', 'priority.medium': 'Medium', 'priority.high': 'High', 'priority.urgent': 'Urgent',
    'kind.public': 'Reply', 'kind.internal': 'Internal note', 'kind.system': 'System',
  },
  ru: {
    'status.new': 'Новый', 'status.in_progress': 'В работе', 'status.waiting_on_customer': 'Ждёт ответа',
    'status.on_hold': 'Отложен', 'status.resolved': 'Решён', 'status.closed': 'Закрыт',
    'priority.low': 'Низкий', 'priority.medium': 'Средний', 'priority.high': 'Высокий', 'priority.urgent': 'Срочный',
    'kind.public': 'Ответ', 'kind.internal': 'Внутренняя заметка', 'kind.system': 'Система',
  },
});

export const STATUSES = ['new', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'];
export const PRIORITIES = ['low', 'medium', 'high', 'urgent'];

export const statusLabel = (status) => t(`status.${status}`);
export const priorityLabel = (priority) => t(`priority.${priority}`);
