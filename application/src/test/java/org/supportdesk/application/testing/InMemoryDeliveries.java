package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The outbox's deliveries in maps, over the intents the {@link RecordingOutbox} holds. One lock stands in for the row
 * locks: a claim is atomic, so two dispatchers never take one delivery at once.
 */
public final class InMemoryDeliveries implements Deliveries, Snapshotting {
    private static final Comparator<Delivery> NEWEST_FIRST = Comparator.comparing(Delivery::createdAt)
            .thenComparing(d -> d.id().toString())
            .reversed();

    private final TenantBinding binding;
    private final RecordingOutbox outbox;
    private State state = new State(new DeliveryMap(), new HashSet<>());

    private record State(DeliveryMap deliveries, Set<UUID> expanded) {}

    /** Deliveries by id, in insertion order. */
    private static final class DeliveryMap extends LinkedHashMap<UUID, Delivery> {
        DeliveryMap() {}

        DeliveryMap(Map<UUID, Delivery> from) {
            super(from);
        }
    }

    public InMemoryDeliveries(TenantBinding binding, RecordingOutbox outbox) {
        this.binding = binding;
        this.outbox = outbox;
    }

    @Override
    public synchronized List<NotificationIntent> takeUnexpanded(TenantId tenant, int limit) {
        binding.require(tenant);
        return outbox.intents().stream()
                .filter(i -> i.tenant().equals(tenant) && !state.expanded().contains(i.id()))
                .limit(limit)
                .collect(Collectors.toList());
    }

    @Override
    public synchronized void markExpanded(TenantId tenant, UUID intentId, Instant at) {
        binding.require(tenant);
        state.expanded().add(intentId);
    }

    @Override
    public synchronized void add(Delivery delivery) {
        binding.require(delivery.tenant());
        boolean known = state.deliveries().values().stream()
                .anyMatch(d ->
                        d.tenant().equals(delivery.tenant()) && d.dedupKey().equals(delivery.dedupKey()));
        if (!known) {
            state.deliveries().put(delivery.id(), delivery);
        }
    }

    @Override
    public synchronized List<Delivery> claimDue(TenantId tenant, Instant now, Instant leaseUntil, int limit) {
        binding.require(tenant);
        List<Delivery> due = state.deliveries().values().stream()
                .filter(d -> d.tenant().equals(tenant)
                        && d.state().isOpen()
                        && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(Delivery::nextAttemptAt))
                .limit(limit)
                .map(d -> new Delivery(
                        d.id(),
                        d.tenant(),
                        d.intentId(),
                        d.channel(),
                        d.recipient(),
                        d.eventType(),
                        d.dedupKey(),
                        d.payload(),
                        d.state(),
                        d.attempts() + 1,
                        d.createdAt(),
                        leaseUntil,
                        d.sentAt(),
                        d.lastStatus(),
                        d.lastDurationMillis(),
                        d.lastError(),
                        now))
                .collect(Collectors.toList());
        due.forEach(d -> state.deliveries().put(d.id(), d));
        return due;
    }

    @Override
    public synchronized boolean recordAttempt(Delivery delivery) {
        binding.require(delivery.tenant());
        Delivery stored = state.deliveries().get(delivery.id());
        if (stored == null || stored.attempts() != delivery.attempts()) {
            return false;
        }
        state.deliveries().put(delivery.id(), delivery);
        return true;
    }

    @Override
    public synchronized void update(Delivery delivery) {
        find(delivery.tenant(), delivery.id()).orElseThrow(() -> new IllegalArgumentException("no delivery"));
        state.deliveries().put(delivery.id(), delivery);
    }

    @Override
    public synchronized Optional<Delivery> find(TenantId tenant, UUID id) {
        binding.require(tenant);
        return Optional.ofNullable(state.deliveries().get(id))
                .filter(d -> d.tenant().equals(tenant));
    }

    @Override
    public synchronized Page<Delivery> list(
            TenantId tenant, Optional<DeliveryState> wanted, Optional<String> recipient, PageRequest page) {
        binding.require(tenant);
        List<Delivery> matching = state.deliveries().values().stream()
                .filter(d -> d.tenant().equals(tenant))
                .filter(d -> wanted.map(s -> s == d.state()).orElse(true))
                .filter(d -> recipient.map(r -> r.equals(d.recipient())).orElse(true))
                .sorted(NEWEST_FIRST)
                .collect(Collectors.toList());
        return new Page<>(
                matching.stream().skip(page.offset()).limit(page.limit()).collect(Collectors.toList()),
                page.page(),
                page.limit(),
                matching.size());
    }

    @Override
    public synchronized int purge(TenantId tenant, Instant before, int limit) {
        binding.require(tenant);
        List<UUID> old = state.deliveries().values().stream()
                .filter(d -> d.tenant().equals(tenant)
                        && !d.state().isOpen()
                        && d.updatedAt().isBefore(before))
                .map(Delivery::id)
                .limit(limit)
                .collect(Collectors.toList());
        old.forEach(state.deliveries()::remove);
        return old.size();
    }

    /** Every delivery of every tenant, for tests to read without a transaction. */
    public synchronized List<Delivery> all() {
        return List.copyOf(state.deliveries().values());
    }

    @Override
    public synchronized Object snapshot() {
        return new State(new DeliveryMap(state.deliveries()), new HashSet<>(state.expanded()));
    }

    @Override
    public synchronized void restore(Object snapshot) {
        state = (State) snapshot;
    }
}
