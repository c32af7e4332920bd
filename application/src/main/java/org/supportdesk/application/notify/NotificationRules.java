package org.supportdesk.application.notify;

import static org.supportdesk.domain.port.NotificationIntent.Audience.ADMINS;
import static org.supportdesk.domain.port.NotificationIntent.Audience.ALL_AGENTS;
import static org.supportdesk.domain.port.NotificationIntent.Audience.ASSIGNEE;
import static org.supportdesk.domain.port.NotificationIntent.Audience.REQUESTER;
import static org.supportdesk.domain.port.NotificationIntent.Audience.WEBHOOKS;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.MessagePosted;
import org.supportdesk.domain.ticket.StatusChanged;
import org.supportdesk.domain.ticket.TicketEvent;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * §13 "who hears what", written once: the notification, if any, that a ticket event or a call request owes. Webhooks
 * (seed 003, a staff-side integration whose receiver may be anywhere) hear every event but an internal note.
 */
public final class NotificationRules {
    private NotificationRules() {}

    /**
     * The intent owed by {@code event} on {@code ticket} (its state after the change), keyed for dedup by the
     * journal entry that recorded the event; it names the event's author, who hears nothing of it, the message a
     * reply or note posted, and the status a status change set.
     */
    public static Optional<NotificationIntent> intentFor(
            TicketEvent event, TicketState ticket, UUID intentId, UUID journalEntryId) {
        Optional<MessageId> message =
                event instanceof MessagePosted posted ? Optional.of(posted.message()) : Optional.empty();
        Optional<TicketStatus> status =
                event instanceof StatusChanged changed ? Optional.of(changed.to()) : Optional.empty();
        return heard(event, ticket.assignee().isPresent())
                .map(heard -> new NotificationIntent(
                        intentId,
                        event.tenant(),
                        heard.topic(),
                        Optional.of(event.ticket()),
                        Optional.empty(),
                        message,
                        event.by().id(),
                        status,
                        heard.audiences(),
                        journalEntryId.toString(),
                        event.at()));
    }

    /**
     * §13 "call requested → agents": the intent a new call-back request owes, about the call and the ticket it names,
     * if any. A call is requested once, so the call's id keys it for dedup.
     */
    public static NotificationIntent callRequested(CallRequest call, UUID intentId) {
        return new NotificationIntent(
                intentId,
                call.tenant(),
                NotificationTopic.CALL_REQUESTED,
                call.ticket(),
                Optional.of(call.id()),
                Optional.empty(),
                Optional.of(call.requester()),
                Optional.empty(),
                EnumSet.of(ALL_AGENTS, WEBHOOKS),
                "call-requested:" + call.id(),
                call.requestedAt());
    }

    /**
     * Whether a customer may ever hear of {@code topic}: only of what the customer projection shows them (a staff
     * reply, a status change). A guard under the table above, so no rule change can send a customer anything internal.
     */
    public static boolean customerMayHear(NotificationTopic topic) {
        return switch (topic) {
            case STAFF_REPLIED, STATUS_CHANGED -> true;
            case TICKET_CREATED,
                    CUSTOMER_REPLIED,
                    INTERNAL_NOTE_ADDED,
                    TICKET_ESCALATED,
                    SLA_BREACHED,
                    FEEDBACK_GIVEN,
                    CALL_REQUESTED -> false;
        };
    }

    /** Who hears of an event, and as what. */
    private record Heard(NotificationTopic topic, Set<Audience> audiences) {
        static Optional<Heard> by(NotificationTopic topic, Audience first, Audience... rest) {
            return Optional.of(new Heard(topic, EnumSet.of(first, rest)));
        }
    }

    /** §13's table; a switch expression, so a new journal action must say who hears of it, if anyone. */
    private static Optional<Heard> heard(TicketEvent event, boolean assigned) {
        return switch (event.action()) {
            case TICKET_FILED -> Heard.by(NotificationTopic.TICKET_CREATED, ALL_AGENTS, WEBHOOKS);
            case MESSAGE_POSTED -> messagePosted((MessagePosted) event, assigned);
            case STATUS_CHANGED -> Heard.by(NotificationTopic.STATUS_CHANGED, REQUESTER, WEBHOOKS);
                // Escalated by an SLA breach, whose own notification tells the same people.
            case TICKET_ESCALATED -> event.by().isSystem()
                    ? Optional.empty()
                    : assigneeAndAdmins(NotificationTopic.TICKET_ESCALATED, assigned);
            case SLA_BREACHED -> assigneeAndAdmins(NotificationTopic.SLA_BREACHED, assigned);
            case FEEDBACK_GIVEN -> Heard.by(NotificationTopic.FEEDBACK_GIVEN, ADMINS, WEBHOOKS);
            case TICKET_ASSIGNED,
                    TICKET_UPDATED,
                    TICKET_DEESCALATED,
                    TICKET_DELETED,
                    TICKET_RESTORED,
                    TICKET_SPLIT,
                    TICKET_MERGED,
                    TICKET_UNMERGED,
                    TICKET_ERASED -> Optional.empty();
                // Admin actions are journalled too, but they are not ticket events.
            case TENANT_CREATED,
                    PERSON_CREATED,
                    PERSON_UPDATED,
                    PERSON_ERASED,
                    ORGANIZATION_CREATED,
                    ORGANIZATION_UPDATED,
                    SETTINGS_CHANGED,
                    POLICY_VERSIONED,
                    CALENDAR_VERSIONED,
                    API_TOKEN_CREATED,
                    API_TOKEN_REVOKED -> Optional.empty();
                // Articles and call-backs are not ticket events either; a call request's notice is callRequested's.
            case ARTICLE_CREATED, ARTICLE_UPDATED, ARTICLE_DELETED, CALL_REQUESTED, CALL_UPDATED -> Optional.empty();
            case WEBHOOK_CREATED,
                    WEBHOOK_UPDATED,
                    WEBHOOK_DELETED,
                    TELEGRAM_CONFIGURED,
                    TELEGRAM_REMOVED,
                    EMAIL_CHANNEL_CONFIGURED,
                    EMAIL_CHANNEL_REMOVED,
                    INBOUND_SECRET_ROTATED -> Optional.empty();
        };
    }

    /** A customer's reply tells the assignee (or every agent), a staff reply the requester, a note the assignee. */
    private static Optional<Heard> messagePosted(MessagePosted posted, boolean assigned) {
        return switch (posted.kind()) {
            case PUBLIC -> posted.by().isStaff()
                    ? Heard.by(NotificationTopic.STAFF_REPLIED, REQUESTER, WEBHOOKS)
                    : Heard.by(NotificationTopic.CUSTOMER_REPLIED, assigned ? ASSIGNEE : ALL_AGENTS, WEBHOOKS);
                // Never WEBHOOKS: a webhook's receiver is outside the desk, and a note is for staff only.
            case INTERNAL -> assigned ? Heard.by(NotificationTopic.INTERNAL_NOTE_ADDED, ASSIGNEE) : Optional.empty();
            case SYSTEM -> Optional.empty();
        };
    }

    private static Optional<Heard> assigneeAndAdmins(NotificationTopic topic, boolean assigned) {
        return assigned ? Heard.by(topic, ASSIGNEE, ADMINS, WEBHOOKS) : Heard.by(topic, ADMINS, WEBHOOKS);
    }
}
