package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;

/** A {@code notifications} row; public because JDBI binds public accessors only. */
public record NotificationRow(
        UUID tenantId,
        UUID id,
        UUID recipientId,
        String topic,
        UUID ticketId,
        String ticketNumber,
        UUID callId,
        String title,
        Instant createdAt,
        Instant readAt) {

    static NotificationRow from(Notification n) {
        return new NotificationRow(
                n.tenant().value(),
                n.id().value(),
                n.recipient().value(),
                n.topic().name().toLowerCase(Locale.ROOT),
                n.ticket().map(TicketId::value).orElse(null),
                n.ticketNumber().map(TicketNumber::toString).orElse(null),
                n.call().map(CallId::value).orElse(null),
                n.title(),
                n.createdAt(),
                n.readAt().orElse(null));
    }

    Notification toDomain() {
        return new Notification(
                new NotificationId(id),
                new TenantId(tenantId),
                new UserId(recipientId),
                NotificationTopic.valueOf(topic.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(ticketId).map(TicketId::new),
                Optional.ofNullable(ticketNumber).map(number -> TicketNumber.parse(number)
                        .orElseThrow(() -> new IllegalStateException("a stored ticket number is malformed"))),
                Optional.ofNullable(callId).map(CallId::new),
                title,
                createdAt,
                Optional.ofNullable(readAt));
    }

    /** A row of a page, with the exact total of the list; an empty page is one row with the total only. */
    public record Listed(
            long total,
            UUID tenantId,
            UUID id,
            UUID recipientId,
            String topic,
            UUID ticketId,
            String ticketNumber,
            UUID callId,
            String title,
            Instant createdAt,
            Instant readAt) {
        Optional<NotificationRow> row() {
            return id == null
                    ? Optional.empty()
                    : Optional.of(new NotificationRow(
                            tenantId,
                            id,
                            recipientId,
                            topic,
                            ticketId,
                            ticketNumber,
                            callId,
                            title,
                            createdAt,
                            readAt));
        }
    }
}
