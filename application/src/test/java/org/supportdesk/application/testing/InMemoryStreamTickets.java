package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.port.StreamTickets;
import org.supportdesk.domain.tenant.TenantId;

/** Stream tickets of every tenant in a map, by tenant and digest. */
public final class InMemoryStreamTickets implements StreamTickets, Snapshotting {
    private record Key(TenantId tenant, String digest) {}

    private record Issued(Holder holder, Instant expiresAt, boolean spent) {}

    private final TenantBinding binding;
    private Map<Key, Issued> tickets = new HashMap<>();

    public InMemoryStreamTickets(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized void add(TenantId tenant, String digest, Holder holder, Instant expiresAt) {
        binding.require(tenant);
        if (tickets.putIfAbsent(new Key(tenant, digest), new Issued(holder, expiresAt, false)) != null) {
            throw new IllegalStateException("already known: " + digest);
        }
    }

    @Override
    public synchronized Optional<Holder> redeem(TenantId tenant, String digest, Instant now) {
        binding.require(tenant);
        Key key = new Key(tenant, digest);
        Issued issued = tickets.get(key);
        if (issued == null || issued.spent() || !now.isBefore(issued.expiresAt())) {
            return Optional.empty();
        }
        tickets.put(key, new Issued(issued.holder(), issued.expiresAt(), true));
        return Optional.of(issued.holder());
    }

    @Override
    public synchronized int purgeExpired(TenantId tenant, Instant before) {
        binding.require(tenant);
        int size = tickets.size();
        tickets.entrySet()
                .removeIf(e -> e.getKey().tenant().equals(tenant)
                        && e.getValue().expiresAt().isBefore(before));
        return size - tickets.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(tickets);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        tickets = (Map<Key, Issued>) snapshot;
    }
}
