package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.tenant.TenantId;

/** An {@code outbox_deliveries} row; public because JDBI binds public accessors only. */
public record DeliveryRow(
        UUID tenantId,
        UUID id,
        UUID intentId,
        String channel,
        String recipient,
        String eventType,
        String dedupKey,
        String payload,
        String state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        Integer lastStatus,
        Long lastDurationMs,
        String lastError,
        Instant updatedAt) {

    static DeliveryRow from(Delivery d) {
        return new DeliveryRow(
                d.tenant().value(),
                d.id(),
                d.intentId(),
                d.channel(),
                d.recipient(),
                d.eventType(),
                d.dedupKey(),
                d.payload(),
                d.state().wireName(),
                d.attempts(),
                d.createdAt(),
                d.nextAttemptAt(),
                d.sentAt().orElse(null),
                d.lastStatus().orElse(null),
                d.lastDurationMillis().orElse(null),
                d.lastError().orElse(null),
                d.updatedAt());
    }

    Delivery toDomain() {
        return new Delivery(
                id,
                new TenantId(tenantId),
                intentId,
                channel,
                recipient,
                eventType,
                dedupKey,
                payload,
                DeliveryState.parse(state).orElseThrow(() -> new IllegalStateException("unknown state " + state)),
                attempts,
                createdAt,
                nextAttemptAt,
                Optional.ofNullable(sentAt),
                Optional.ofNullable(lastStatus),
                Optional.ofNullable(lastDurationMs),
                Optional.ofNullable(lastError),
                updatedAt);
    }
}
