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
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.MessagePosted;
import org.supportdesk.domain.ticket.TicketEvent;
import org.supportdesk.domain.ticket.TicketState;

/** §13 "who hears what", written once: the notification, if any, that a ticket event owes. */
public final class NotificationRules {
    private NotificationRules() {}

    /**
     * The intent owed by {@code event} on {@code ticket} (its state after the change), keyed for dedup by the
     * journal entry that recorded the event.
     */
    public static Optional<NotificationIntent> intentFor(
            TicketEvent event, TicketState ticket, UUID intentId, UUID journalEntryId) {
        boolean assigned = ticket.assignee().isPresent();
        Optional<NotificationTopic> topic = Optional.empty();
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        switch (event.action()) {
            case TICKET_FILED:
                topic = Optional.of(NotificationTopic.TICKET_CREATED);
                audiences = EnumSet.of(ALL_AGENTS, WEBHOOKS);
                break;
            case MESSAGE_POSTED:
                MessagePosted posted = (MessagePosted) event;
                if (posted.kind() == MessageKind.PUBLIC && !posted.by().isStaff()) {
                    topic = Optional.of(NotificationTopic.CUSTOMER_REPLIED);
                    audiences = EnumSet.of(assigned ? ASSIGNEE : ALL_AGENTS);
                } else if (posted.kind() == MessageKind.PUBLIC) {
                    topic = Optional.of(NotificationTopic.STAFF_REPLIED);
                    audiences = EnumSet.of(REQUESTER);
                } else if (posted.kind() == MessageKind.INTERNAL && assigned) {
                    topic = Optional.of(NotificationTopic.INTERNAL_NOTE_ADDED);
                    audiences = EnumSet.of(ASSIGNEE);
                }
                break;
            case STATUS_CHANGED:
                topic = Optional.of(NotificationTopic.STATUS_CHANGED);
                audiences = EnumSet.of(REQUESTER);
                break;
            case TICKET_ESCALATED:
                if (event.by().isSystem()) {
                    break; // escalated by an SLA breach, whose own notification tells the same people
                }
                topic = Optional.of(NotificationTopic.TICKET_ESCALATED);
                audiences = assigned ? EnumSet.of(ASSIGNEE, ADMINS) : EnumSet.of(ADMINS);
                break;
            case SLA_BREACHED:
                topic = Optional.of(NotificationTopic.SLA_BREACHED);
                audiences = assigned ? EnumSet.of(ASSIGNEE, ADMINS) : EnumSet.of(ADMINS);
                break;
            default:
                break;
        }
        Set<Audience> to = audiences;
        return topic.map(t -> new NotificationIntent(
                intentId, event.tenant(), t, event.ticket(), to, journalEntryId.toString(), event.at()));
    }
}
