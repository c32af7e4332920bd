package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;

/** A new {@code outbox} row: an intent as enqueued, before any delivery attempt. */
public record OutboxRow(
        UUID tenantId,
        UUID id,
        String topic,
        UUID ticketId,
        UUID callId,
        UUID messageId,
        UUID causedBy,
        String status,
        String[] audiences,
        String dedupKey,
        Instant at) {

    static OutboxRow from(NotificationIntent intent) {
        return new OutboxRow(
                intent.tenant().value(),
                intent.id(),
                intent.topic().name().toLowerCase(Locale.ROOT),
                intent.ticket().map(TicketId::value).orElse(null),
                intent.call().map(CallId::value).orElse(null),
                intent.message().map(MessageId::value).orElse(null),
                intent.causedBy().map(UserId::value).orElse(null),
                intent.status().map(TicketStatus::wireName).orElse(null),
                intent.audiences().stream()
                        .map(a -> a.name().toLowerCase(Locale.ROOT))
                        .sorted()
                        .toArray(String[]::new),
                intent.dedupKey(),
                intent.at());
    }
}
