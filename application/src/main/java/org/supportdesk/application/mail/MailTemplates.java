package org.supportdesk.application.mail;

import static java.util.Map.entry;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.tenant.Language;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The words of our mail in English and Russian (docs/notifications.md "Email", docs/adr/0014): per event a headline,
 * and per language a subject line and a plain-text and an HTML layout around it. The subject of a mail about a ticket
 * is {@code [TKT-2026-000042] Printer on fire} in every language, so mail clients and the inbound matcher find the
 * number. A headline names the event; only a public message is ever quoted.
 */
public final class MailTemplates {
    private MailTemplates() {}

    /** One language's words. */
    private record Wording(
            Map<NotificationTopic, MailTemplate> headlines,
            Map<TicketStatus, String> statuses,
            MailTemplate callSubject,
            MailTemplate text,
            MailTemplate html) {}

    private static final MailTemplate TICKET_SUBJECT = MailTemplate.text("[{{number}}] {{subject}}");

    private static final Map<Language, Wording> WORDINGS = new EnumMap<>(Language.class);

    static {
        WORDINGS.put(
                Language.EN,
                new Wording(
                        headlines(Map.ofEntries(
                                entry(
                                        NotificationTopic.TICKET_CREATED,
                                        "{{actor}} filed a new ticket {{number}}: {{subject}}"),
                                entry(NotificationTopic.CUSTOMER_REPLIED, "{{actor}} replied on ticket {{number}}:"),
                                entry(NotificationTopic.STAFF_REPLIED, "{{actor}} replied to your request {{number}}:"),
                                entry(
                                        NotificationTopic.INTERNAL_NOTE_ADDED,
                                        "{{actor}} added an internal note to ticket {{number}}. Read it in Supportdesk."),
                                entry(NotificationTopic.STATUS_CHANGED, "Your request {{number}} is now {{status}}."),
                                entry(NotificationTopic.TICKET_ESCALATED, "{{actor}} escalated ticket {{number}}."),
                                entry(
                                        NotificationTopic.SLA_BREACHED,
                                        "Ticket {{number}} has missed its service-level target."),
                                entry(
                                        NotificationTopic.FEEDBACK_GIVEN,
                                        "{{actor}} rated the support on ticket {{number}}."),
                                entry(NotificationTopic.CALL_REQUESTED, "{{actor}} asked for a call back."))),
                        statuses(Map.ofEntries(
                                entry(TicketStatus.NEW, "new"),
                                entry(TicketStatus.IN_PROGRESS, "in progress"),
                                entry(TicketStatus.WAITING_ON_CUSTOMER, "waiting for your reply"),
                                entry(TicketStatus.ON_HOLD, "on hold"),
                                entry(TicketStatus.RESOLVED, "resolved"),
                                entry(TicketStatus.CLOSED, "closed"))),
                        MailTemplate.text("Call back requested by {{actor}}"),
                        MailTemplate.text(
                                """
                        {{headline}}
                        {{#quote}}
                        ----------------------------------------
                        {{quote}}
                        ----------------------------------------
                        {{/quote}}
                        Open in Supportdesk: {{link}}

                        --\s
                        Supportdesk sent this message automatically.
                        """),
                        MailTemplate.html(
                                """
                        <!DOCTYPE html>
                        <html lang="en">
                        <head><meta charset="utf-8"><title>{{subject}}</title></head>
                        <body style="font-family: sans-serif; line-height: 1.5;">
                        <p>{{headline}}</p>
                        {{#quote}}<blockquote style="white-space: pre-wrap; margin: 0; padding-left: 12px; \
                        border-left: 3px solid #ccc;">{{quote}}</blockquote>
                        {{/quote}}<p><a href="{{link}}">Open in Supportdesk</a></p>
                        <p style="color: #777; font-size: 12px;">Supportdesk sent this message automatically.</p>
                        </body>
                        </html>
                        """)));
        WORDINGS.put(
                Language.RU,
                new Wording(
                        headlines(Map.ofEntries(
                                entry(
                                        NotificationTopic.TICKET_CREATED,
                                        "{{actor}}: новая заявка {{number}} — {{subject}}"),
                                entry(NotificationTopic.CUSTOMER_REPLIED, "{{actor}} ответил(а) в заявке {{number}}:"),
                                entry(
                                        NotificationTopic.STAFF_REPLIED,
                                        "{{actor}} ответил(а) на ваше обращение {{number}}:"),
                                entry(
                                        NotificationTopic.INTERNAL_NOTE_ADDED,
                                        "{{actor}} добавил(а) внутреннюю заметку к заявке {{number}}. Прочитайте её в Supportdesk."),
                                entry(
                                        NotificationTopic.STATUS_CHANGED,
                                        "Статус вашего обращения {{number}}: {{status}}."),
                                entry(
                                        NotificationTopic.TICKET_ESCALATED,
                                        "{{actor}} эскалировал(а) заявку {{number}}."),
                                entry(
                                        NotificationTopic.SLA_BREACHED,
                                        "По заявке {{number}} нарушен срок обслуживания (SLA)."),
                                entry(
                                        NotificationTopic.FEEDBACK_GIVEN,
                                        "{{actor}} оценил(а) поддержку по заявке {{number}}."),
                                entry(NotificationTopic.CALL_REQUESTED, "{{actor}} просит перезвонить."))),
                        statuses(Map.ofEntries(
                                entry(TicketStatus.NEW, "новая"),
                                entry(TicketStatus.IN_PROGRESS, "в работе"),
                                entry(TicketStatus.WAITING_ON_CUSTOMER, "ожидает вашего ответа"),
                                entry(TicketStatus.ON_HOLD, "отложена"),
                                entry(TicketStatus.RESOLVED, "решена"),
                                entry(TicketStatus.CLOSED, "закрыта"))),
                        MailTemplate.text("Просьба перезвонить: {{actor}}"),
                        MailTemplate.text(
                                """
                        {{headline}}
                        {{#quote}}
                        ----------------------------------------
                        {{quote}}
                        ----------------------------------------
                        {{/quote}}
                        Открыть в Supportdesk: {{link}}

                        --\s
                        Это сообщение отправлено Supportdesk автоматически.
                        """),
                        MailTemplate.html(
                                """
                        <!DOCTYPE html>
                        <html lang="ru">
                        <head><meta charset="utf-8"><title>{{subject}}</title></head>
                        <body style="font-family: sans-serif; line-height: 1.5;">
                        <p>{{headline}}</p>
                        {{#quote}}<blockquote style="white-space: pre-wrap; margin: 0; padding-left: 12px; \
                        border-left: 3px solid #ccc;">{{quote}}</blockquote>
                        {{/quote}}<p><a href="{{link}}">Открыть в Supportdesk</a></p>
                        <p style="color: #777; font-size: 12px;">Это сообщение отправлено Supportdesk автоматически.</p>
                        </body>
                        </html>
                        """)));
    }

    /** {@code facts} in {@code language}: every value escaped once, for HTML in the HTML body. */
    public static MailContent render(Language language, MailFacts facts) {
        Wording wording = WORDINGS.get(language);
        Map<String, String> values = new HashMap<>();
        values.put("actor", facts.actor());
        values.put("number", facts.ticket().map(t -> t.number().toString()).orElse(""));
        values.put("subject", facts.ticket().map(t -> t.subject().value()).orElse(""));
        values.put("status", facts.status().map(wording.statuses()::get).orElse(""));
        values.put("quote", facts.quote().orElse(""));
        values.put("link", facts.link().toString());
        String subject = facts.ticket().isPresent()
                ? TICKET_SUBJECT.render(values)
                : wording.callSubject().render(values);
        values.put("headline", wording.headlines().get(facts.topic()).render(values));
        values.put("subject", subject);
        return new MailContent(
                subject, wording.text().render(values), wording.html().render(values));
    }

    /** Every topic's headline: a topic added without one fails as the class loads, in every test. */
    private static Map<NotificationTopic, MailTemplate> headlines(Map<NotificationTopic, String> byTopic) {
        Map<NotificationTopic, MailTemplate> headlines = new EnumMap<>(NotificationTopic.class);
        byTopic.forEach((topic, headline) -> headlines.put(topic, MailTemplate.text(headline)));
        if (headlines.size() != NotificationTopic.values().length) {
            throw new IllegalStateException("a notification topic has no mail headline");
        }
        return headlines;
    }

    private static Map<TicketStatus, String> statuses(Map<TicketStatus, String> byStatus) {
        if (byStatus.size() != TicketStatus.values().length) {
            throw new IllegalStateException("a ticket status has no name in mail");
        }
        return new EnumMap<>(byStatus);
    }
}
