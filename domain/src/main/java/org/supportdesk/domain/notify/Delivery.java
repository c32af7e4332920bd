package org.supportdesk.domain.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.tenant.TenantId;

/**
 * One notification owed to one recipient over one channel (§13), expanded from an outbox intent in the transaction
 * that hands the intent to the channels. {@code dedupKey} is fixed when the delivery is made and travels with every
 * attempt (a webhook's {@code webhook-id}, an email's {@code Message-ID}), so a receiver recognises a redelivery.
 * {@code payload} is what the channel will send, rendered when the delivery was made.
 *
 * @param recipient who hears it, in the channel's terms (a webhook subscription's id, a person's id for email)
 * @param attempts attempts begun so far, including one in flight
 * @param nextAttemptAt when the dispatcher may next take it; while an attempt is in flight, the end of its lease
 * @param lastStatus the answer code of the last attempt, when the peer answered
 * @param lastDurationMillis how long the last attempt took
 * @param lastError why the last attempt failed
 */
public record Delivery(
        UUID id,
        TenantId tenant,
        UUID intentId,
        String channel,
        String recipient,
        String eventType,
        String dedupKey,
        String payload,
        DeliveryState state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Optional<Instant> sentAt,
        Optional<Integer> lastStatus,
        Optional<Long> lastDurationMillis,
        Optional<String> lastError,
        Instant updatedAt) {
    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(lastDurationMillis, "lastDurationMillis");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative");
        }
    }

    /** A new delivery, due at once. */
    public static Delivery owed(
            UUID id,
            TenantId tenant,
            UUID intentId,
            String channel,
            String recipient,
            String eventType,
            String dedupKey,
            String payload,
            Instant at) {
        return new Delivery(
                id,
                tenant,
                intentId,
                channel,
                recipient,
                eventType,
                dedupKey,
                payload,
                DeliveryState.PENDING,
                0,
                at,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                at);
    }

    /** This delivery after the attempt it was claimed for: {@code state} and the figures of the attempt. */
    public Delivery after(DeliveryOutcome outcome, DeliveryState next, Instant nextAttempt, Instant now) {
        return new Delivery(
                id,
                tenant,
                intentId,
                channel,
                recipient,
                eventType,
                dedupKey,
                payload,
                next,
                attempts,
                createdAt,
                nextAttempt,
                next == DeliveryState.SENT ? Optional.of(now) : sentAt,
                outcome.status(),
                Optional.of(outcome.durationMillis()),
                outcome.error(),
                now);
    }

    /** Due again now, with its attempts kept: what an admin's retry does. */
    public Delivery retried(Instant now) {
        return new Delivery(
                id,
                tenant,
                intentId,
                channel,
                recipient,
                eventType,
                dedupKey,
                payload,
                DeliveryState.FAILED,
                attempts,
                createdAt,
                now,
                sentAt,
                lastStatus,
                lastDurationMillis,
                lastError,
                now);
    }
}
