package org.supportdesk.application.notify;

import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;

/** The webhook event types (the change-feed names of §16) and the outbox topic each comes from. */
public final class WebhookEvents {
    private WebhookEvents() {}

    /** Every type a subscription may name, besides {@code *}. */
    public static final Set<String> TYPES = Set.of(
            "ticket_created",
            "message_added",
            "status_changed",
            "ticket_escalated",
            "sla_breached",
            "feedback_given",
            "call_requested");

    /** The event type of an outbox topic, or none: an internal note is never a webhook event. */
    public static Optional<String> typeOf(NotificationTopic topic) {
        return switch (topic) {
            case TICKET_CREATED -> Optional.of("ticket_created");
            case CUSTOMER_REPLIED, STAFF_REPLIED -> Optional.of("message_added");
            case STATUS_CHANGED -> Optional.of("status_changed");
            case TICKET_ESCALATED -> Optional.of("ticket_escalated");
            case SLA_BREACHED -> Optional.of("sla_breached");
            case FEEDBACK_GIVEN -> Optional.of("feedback_given");
            case CALL_REQUESTED -> Optional.of("call_requested");
            case INTERNAL_NOTE_ADDED -> Optional.empty();
        };
    }
}
