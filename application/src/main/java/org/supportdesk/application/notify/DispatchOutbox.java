package org.supportdesk.application.notify;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.NotificationChannel;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * One round of the outbox dispatcher for one tenant (§13, docs/adr/0012):
 *
 * <ol>
 *   <li>in one transaction, takes committed intents not yet handed over (skipping those another dispatcher holds),
 *       asks every channel for its deliveries, stores them and marks the intents handed over;
 *   <li>in a second, claims due deliveries (skipping locked rows), counting the attempt and leasing each;
 *   <li>outside any transaction, makes each attempt through its channel, in the channel's bounded time;
 *   <li>in one short transaction per attempt, marks it sent, or due again after a jittered exponential backoff, or
 *       parked after the last attempt allowed.
 * </ol>
 *
 * A crash between 3 and 4 leaves the delivery leased; when the lease ends it is taken again and sent again with the
 * same dedup key: delivery is at least once.
 */
public final class DispatchOutbox {
    public record Command(TenantId tenant, int batchSize, DispatchPolicy policy) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(policy, "policy");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
        }
    }

    /** What one round did: intents handed to channels, and the attempts made with their results. */
    public record Round(int intentsExpanded, int attempted, int sent, int failed, int parked) {}

    private final Deliveries deliveries;
    private final List<NotificationChannel> channels;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final InstantSource clock;

    public DispatchOutbox(
            Deliveries deliveries,
            List<NotificationChannel> channels,
            TransactionRunner transactions,
            IdGenerator ids,
            InstantSource clock) {
        this.deliveries = deliveries;
        this.channels = List.copyOf(channels);
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    public Round handle(Command command) {
        TenantId tenant = command.tenant();
        int expanded = transactions.inTransaction(tenant, () -> {
            List<NotificationIntent> intents = deliveries.takeUnexpanded(tenant, command.batchSize());
            Instant now = now();
            for (NotificationIntent intent : intents) {
                for (NotificationChannel channel : channels) {
                    channel.deliveriesFor(intent, ids).forEach(deliveries::add);
                }
                deliveries.markExpanded(tenant, intent.id(), now);
            }
            return intents.size();
        });
        Instant claimedAt = now();
        List<Delivery> claimed = transactions.inTransaction(
                tenant,
                () -> deliveries.claimDue(
                        tenant, claimedAt, claimedAt.plus(command.policy().lease()), command.batchSize()));
        Map<String, NotificationChannel> byName =
                channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        int sent = 0;
        int failed = 0;
        int parked = 0;
        for (Delivery delivery : claimed) {
            DeliveryOutcome outcome = attempt(byName, delivery);
            Instant now = now();
            DeliveryState next;
            Instant nextAttempt = now;
            if (outcome.delivered()) {
                next = DeliveryState.SENT;
                sent++;
            } else if (outcome.permanent()
                    || delivery.attempts() >= command.policy().maxAttempts()) {
                next = DeliveryState.PARKED;
                parked++;
            } else {
                next = DeliveryState.FAILED;
                nextAttempt = now.plus(command.policy().backoffAfter(delivery.attempts()));
                failed++;
            }
            Delivery after = delivery.after(outcome, next, nextAttempt, now);
            transactions.inTransaction(tenant, () -> deliveries.recordAttempt(after));
        }
        return new Round(expanded, claimed.size(), sent, failed, parked);
    }

    /** One attempt; a channel that throws has failed this attempt, not the round. */
    private static DeliveryOutcome attempt(Map<String, NotificationChannel> byName, Delivery delivery) {
        Optional<NotificationChannel> channel = Optional.ofNullable(byName.get(delivery.channel()));
        if (channel.isEmpty()) {
            return DeliveryOutcome.gone("the channel " + delivery.channel() + " is not configured");
        }
        try {
            return channel.get().send(delivery);
        } catch (RuntimeException e) {
            return DeliveryOutcome.failed("the channel failed: " + e.getClass().getSimpleName(), 0);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
