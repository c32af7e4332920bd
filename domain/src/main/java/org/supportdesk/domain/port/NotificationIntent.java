package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * A notification owed because of a change (§13 "who hears what"): what happened, to which ticket, and who should hear
 * it. Channels resolve the audiences to people and addresses when they deliver. {@code dedupKey} is unique per
 * intent, so a delivery retried after a crash is recognised.
 */
public record NotificationIntent(
        UUID id,
        TenantId tenant,
        NotificationTopic topic,
        TicketId ticket,
        Set<Audience> audiences,
        String dedupKey,
        Instant at) {
    public NotificationIntent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(ticket, "ticket");
        audiences = Set.copyOf(audiences);
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("a notification has at least one audience");
        }
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(at, "at");
    }

    /** What the notification is about. */
    public enum NotificationTopic {
        TICKET_CREATED,
        CUSTOMER_REPLIED,
        STAFF_REPLIED,
        INTERNAL_NOTE_ADDED,
        STATUS_CHANGED,
        TICKET_ESCALATED,
        SLA_BREACHED,
        FEEDBACK_GIVEN
    }

    /** Who should hear it; never a customer for anything internal. */
    public enum Audience {
        REQUESTER,
        ASSIGNEE,
        ALL_AGENTS,
        ADMINS,
        WEBHOOKS
    }
}
