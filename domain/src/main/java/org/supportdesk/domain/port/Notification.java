package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * One in-app notification (§9, §10, §13): what happened ({@code topic}), to which ticket or call-back request, for one
 * recipient, and whether they have read it. {@code title} is a short text the recipient may see (the ticket's subject,
 * which its requester wrote and every staff member may read); a notification never carries a message body, so an
 * internal note's text cannot reach anyone through one.
 */
public record Notification(
        NotificationId id,
        TenantId tenant,
        UserId recipient,
        NotificationTopic topic,
        Optional<TicketId> ticket,
        Optional<TicketNumber> ticketNumber,
        Optional<CallId> call,
        String title,
        Instant createdAt,
        Optional<Instant> readAt) {
    /** The longest title kept; a longer one is cut (a subject is at most 200 characters anyway). */
    public static final int MAX_TITLE = 200;

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(readAt, "readAt");
        if (ticket.isEmpty() && call.isEmpty()) {
            throw new IllegalArgumentException("a notification is about a ticket, a call or both");
        }
        if (ticket.isPresent() != ticketNumber.isPresent()) {
            throw new IllegalArgumentException("a ticket's notification names its number, and only then");
        }
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE);
        }
    }

    public boolean isRead() {
        return readAt.isPresent();
    }

    /** This notification read at {@code at}; one already read keeps its first time (reading is idempotent). */
    public Notification readAt(Instant at) {
        return isRead()
                ? this
                : new Notification(
                        id, tenant, recipient, topic, ticket, ticketNumber, call, title, createdAt, Optional.of(at));
    }
}
