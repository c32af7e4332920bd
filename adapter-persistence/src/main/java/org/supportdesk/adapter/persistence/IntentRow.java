package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;

/** An {@code outbox} row read back as the intent it stores (see {@link OutboxRow} for the writing side). */
public record IntentRow(
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
        Instant createdAt) {

    NotificationIntent toDomain() {
        return new NotificationIntent(
                id,
                new TenantId(tenantId),
                NotificationTopic.valueOf(topic.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(ticketId).map(TicketId::new),
                Optional.ofNullable(callId).map(CallId::new),
                Optional.ofNullable(messageId).map(MessageId::new),
                Optional.ofNullable(causedBy).map(UserId::new),
                Optional.ofNullable(status).map(TicketStatus::parse),
                Arrays.stream(audiences)
                        .map(a -> Audience.valueOf(a.toUpperCase(Locale.ROOT)))
                        .collect(Collectors.toSet()),
                dedupKey,
                createdAt);
    }
}
