// What a customer does with a ticket beside replying: close it or confirm it solved, rate it once it is resolved, and
// ask to be called back about it. Each section takes the ticket page's {path, isRequester, current, render, refresh}
// and is redrawn by show(ticket) only when what it shows changes, so a live refresh keeps what is typed in it.
import {h, replace, field} from '../lib/dom.js';
import {t, register, dateTime} from '../lib/i18n.js';
import * as api from '../lib/api.js';
import {showProblems, clearProblems, whileBusy, idempotencyKeys} from './forms.js';

register({
  en: {'actions.solved': 'Is it solved?', 'actions.resolved': 'Support marked this ticket resolved. If it works for you, close it.',
    'actions.confirm': 'Yes, it is solved: close the ticket', 'actions.close-title': 'No longer needed?',
    'actions.close': 'Close the ticket', 'actions.close-sure': 'Closing ends the conversation; a follow-up ticket can still be filed.',
    'actions.close-yes': 'Close it', 'actions.close-no': 'Keep it open',
    'actions.stale': 'The ticket changed meanwhile; here it is as it is now. Try again if you still want to.',
    'feedback.title': 'Rate our help', 'feedback.question': 'How did we do?', 'feedback.comment': 'Comment (optional)',
    'feedback.send': 'Send rating', 'feedback.given': 'Your rating: {rating} of 5', 'feedback.thanks': 'Thank you for your rating.',
    'feedback.1': '1 – Very poor', 'feedback.2': '2 – Poor', 'feedback.3': '3 – Fair', 'feedback.4': '4 – Good', 'feedback.5': '5 – Excellent',
    'calls.title': 'Call me back', 'calls.phone': 'Phone number', 'calls.when': 'When (optional)',
    'calls.when-hint': 'Leave it empty to be called as soon as possible.', 'calls.note': 'Note (optional)',
    'calls.send': 'Ask for a call', 'calls.sent': 'Your request was sent: we will call you on {phone}.',
    'calls.yours': 'Your call-back requests', 'calls.now': 'as soon as possible',
    'calls.status.requested': 'requested', 'calls.status.scheduled': 'scheduled', 'calls.status.done': 'done',
    'calls.status.cancelled': 'cancelled'},
  ru: {'actions.solved': 'Вопрос решён?', 'actions.resolved': 'Поддержка отметила обращение решённым. Если всё работает, закройте его.',
    'actions.confirm': 'Да, решено: закрыть обращение', 'actions.close-title': 'Больше не нужно?',
    'actions.close': 'Закрыть обращение', 'actions.close-sure': 'После закрытия переписка завершится; продолжение можно будет создать.',
    'actions.close-yes': 'Закрыть', 'actions.close-no': 'Оставить открытым',
    'actions.stale': 'Обращение тем временем изменилось; показано текущее состояние. Попробуйте ещё раз, если нужно.',
    'feedback.title': 'Оцените нашу помощь', 'feedback.question': 'Как мы справились?', 'feedback.comment': 'Комментарий (необязательно)',
    'feedback.send': 'Отправить оценку', 'feedback.given': 'Ваша оценка: {rating} из 5', 'feedback.thanks': 'Спасибо за оценку.',
    'feedback.1': '1 – Очень плохо', 'feedback.2': '2 – Плохо', 'feedback.3': '3 – Удовлетворительно', 'feedback.4': '4 – Хорошо',
    'feedback.5': '5 – Отлично',
    'calls.title': 'Перезвоните мне', 'calls.phone': 'Номер телефона', 'calls.when': 'Когда (необязательно)',
    'calls.when-hint': 'Оставьте пустым, чтобы вам позвонили как можно скорее.', 'calls.note': 'Примечание (необязательно)',
    'calls.send': 'Заказать звонок', 'calls.sent': 'Запрос отправлен: мы позвоним вам по номеру {phone}.',
    'calls.yours': 'Ваши запросы звонка', 'calls.now': 'как можно скорее',
    'calls.status.requested': 'запрошен', 'calls.status.scheduled': 'назначен', 'calls.status.done': 'состоялся',
    'calls.status.cancelled': 'отменён'},
});

const RATED = new Set(['resolved', 'closed']);

/** Confirming a resolved ticket, or closing an open one after a second "yes"; the requester's alone. */
export function closingSection(page) {
  const title = h('h2', {id: 'closing-title'});
  const content = h('div');
  const problems = h('p', {class: 'error', role: 'alert'});
  const element = h('section', {class: 'card', 'aria-labelledby': 'closing-title'}, title, content, problems);
  let drawn = null;

  const close = (button) => whileBusy(button, async () => {
    replace(problems);
    try {
      const {body, etag} = await api.send('POST', `${page.path}/close`, undefined, {ifMatch: page.current().etag});
      page.render({ticket: body, etag});
    } catch (error) {
      replace(problems, error.status === 412 ? t('actions.stale') : error.message);
      await page.refresh();
    }
  });

  const openChoices = () => {
    const ask = h('button', {type: 'button', class: 'danger'}, t('actions.close'));
    ask.addEventListener('click', () => {
      const yes = h('button', {type: 'button', class: 'danger', onclick: () => close(yes)}, t('actions.close-yes'));
      const no = h('button', {type: 'button', onclick: () => { replace(content, openChoices()); ask.focus(); }},
        t('actions.close-no'));
      replace(content, h('p', {}, t('actions.close-sure')), h('p', {class: 'buttons'}, yes, ' ', no));
      yes.focus();
    });
    return ask;
  };

  return {
    element,
    show(ticket) {
      const state = !page.isRequester || ticket.status === 'closed' ? 'none'
        : ticket.status === 'resolved' ? 'resolved' : 'open';
      if (state === drawn) return;
      drawn = state;
      element.hidden = state === 'none';
      if (state === 'resolved') {
        replace(title, t('actions.solved'));
        const confirm = h('button', {type: 'button', class: 'primary', onclick: () => close(confirm)},
          t('actions.confirm'));
        replace(content, h('p', {}, t('actions.resolved')), confirm);
      } else if (state === 'open') {
        replace(title, t('actions.close-title'));
        replace(content, openChoices());
      }
    },
  };
}

/** The rating of a resolved or closed ticket: the form until the requester rated it, then what they gave. */
export function feedbackSection(page) {
  const element = h('section', {class: 'card', 'aria-labelledby': 'feedback-title'});
  const thanks = h('p', {class: 'portal-live', role: 'status'});
  let drawn = null;

  const form = () => {
    const problems = h('p', {class: 'error', role: 'alert'});
    const submit = h('button', {type: 'submit', class: 'primary'}, t('feedback.send'));
    const form = h('form', {class: 'feedback'},
      h('fieldset', {class: 'rating'}, h('legend', {}, t('feedback.question')),
        [1, 2, 3, 4, 5].map((rating) => h('label', {},
          h('input', {type: 'radio', name: 'rating', value: rating, required: true}), ' ', t(`feedback.${rating}`)))),
      field(t('feedback.comment'), h('textarea', {name: 'comment', rows: 3, maxlength: 5000})),
      problems, submit);
    const keys = idempotencyKeys();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      whileBusy(submit, async () => {
        clearProblems(form, problems);
        const values = new FormData(form);
        const feedback = {rating: Number(values.get('rating')), comment: values.get('comment').trim() || undefined};
        try {
          await api.post(`${page.path}/feedback`, feedback, {idempotencyKey: keys(feedback)});
        } catch (error) {
          showProblems(form, problems, error);
          return;
        }
        replace(thanks, t('feedback.thanks'));
        await page.refresh();
      });
    });
    return form;
  };

  return {
    element,
    show(ticket) {
      const state = !RATED.has(ticket.status) ? 'none' : ticket.feedback ? `given ${ticket.feedback.given_at}`
        : page.isRequester ? 'form' : 'none';
      if (state === drawn) return;
      drawn = state;
      element.hidden = state === 'none';
      replace(element, h('h2', {id: 'feedback-title'}, t('feedback.title')), thanks,
        state === 'form' ? form() : null,
        ticket.feedback ? [h('p', {class: 'rating-given'}, t('feedback.given', {rating: ticket.feedback.rating})),
          ticket.feedback.comment ? h('blockquote', {class: 'body'}, ticket.feedback.comment) : null] : null);
    },
  };
}

/** Asking to be called about the ticket, now or at a time, and the requests made about it so far. */
export function callBackSection(page) {
  const problems = h('p', {class: 'error', role: 'alert'});
  const sent = h('p', {class: 'portal-live', role: 'status'});
  const submit = h('button', {type: 'submit'}, t('calls.send'));
  const form = h('form', {class: 'call-back'},
    field(t('calls.phone'),
      h('input', {name: 'phone', type: 'tel', required: true, autocomplete: 'tel', maxlength: 64})),
    field(t('calls.when'), h('input', {name: 'scheduled_at', type: 'datetime-local'}), t('calls.when-hint')),
    field(t('calls.note'), h('textarea', {name: 'note', rows: 2, maxlength: 2000})),
    problems, submit, sent);
  const list = h('ul', {class: 'calls'});
  const listed = h('div', {hidden: true}, h('h3', {}, t('calls.yours')), list);
  const element = h('section', {class: 'card', 'aria-labelledby': 'calls-title'},
    h('h2', {id: 'calls-title'}, t('calls.title')), form, listed);
  const keys = idempotencyKeys();

  const load = async () => {
    try {
      const ticketId = page.current().ticket.id;
      const calls = (await api.get('/api/v1/portal/calls', {limit: 100})).items
        .filter((call) => call.ticket_id === ticketId);
      listed.hidden = calls.length === 0;
      replace(list, calls.map((call) => h('li', {}, call.phone, ' · ',
        call.scheduled_at ? dateTime(call.scheduled_at) : t('calls.now'), ' · ', t(`calls.status.${call.status}`))));
    } catch (error) {
      replace(problems, error.message);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy(submit, async () => {
      clearProblems(form, problems);
      replace(sent);
      const values = new FormData(form);
      const when = values.get('scheduled_at');
      const call = {ticket_id: page.current().ticket.id, phone: values.get('phone').trim(),
        scheduled_at: when ? new Date(when).toISOString() : undefined, note: values.get('note').trim() || undefined};
      try {
        await api.post('/api/v1/portal/calls', call, {idempotencyKey: keys(call)});
      } catch (error) {
        showProblems(form, problems, error);
        return;
      }
      form.reset();
      replace(sent, t('calls.sent', {phone: call.phone}));
      await load();
    });
  });

  return {element, load};
}
