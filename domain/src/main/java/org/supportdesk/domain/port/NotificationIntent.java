package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * A notification owed because of a change (§13 "who hears what"): what happened, to which ticket or call-back request
 * (a call may name a ticket too), and who should hear it. Channels resolve the audiences to people and addresses when
 * they deliver. {@code dedupKey} is unique per intent, so a delivery retried after a crash is recognised.
 *
 * @param message the message a reply or note intent is about (a staff reply's mail quotes it)
 * @param causedBy the person whose change it was: channels resolve audiences after commit, and nobody hears of their
 *     own change; empty for the system
 * @param status the status a status change moved the ticket to (by dispatch time it may have moved on)
 */
public record NotificationIntent(
        UUID id,
        TenantId tenant,
        NotificationTopic topic,
        Optional<TicketId> ticket,
        Optional<CallId> call,
        Optional<MessageId> message,
        Optional<UserId> causedBy,
        Optional<TicketStatus> status,
        Set<Audience> audiences,
        String dedupKey,
        Instant at) {
    public NotificationIntent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(causedBy, "causedBy");
        Objects.requireNonNull(status, "status");
        if (ticket.isEmpty() && call.isEmpty()) {
            throw new IllegalArgumentException("a notification is about a ticket, a call or both");
        }
        audiences = Set.copyOf(audiences);
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("a notification has at least one audience");
        }
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(at, "at");
    }

    /** A notification about a ticket, with no cause, message or status of its change recorded. */
    public NotificationIntent(
            UUID id,
            TenantId tenant,
            NotificationTopic topic,
            TicketId ticket,
            Set<Audience> audiences,
            String dedupKey,
            Instant at) {
        this(
                id,
                tenant,
                topic,
                Optional.of(ticket),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                audiences,
                dedupKey,
                at);
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
        FEEDBACK_GIVEN,
        CALL_REQUESTED
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
