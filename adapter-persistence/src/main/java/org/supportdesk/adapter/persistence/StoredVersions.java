package org.supportdesk.adapter.persistence;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The stored versions of one kind of versioned setting (SLA policies, business calendars) this process has read. A
 * stored version never changes: a change adds the next version. So one read serves every later measurement of every
 * ticket under that version, on this instance, whatever the others do; measuring a ticket read its policy and its
 * calendar (two statements) on every change that could move its clocks, and on every filing. A version is remembered
 * only when the transaction that read it commits, so one added by a transaction that rolls back, whose number the next
 * addition takes, is never remembered; a version that is not stored (the defaults a tenant without rows is measured
 * under) is not remembered either, since one may be stored under that number later. Bounded: when full it starts again
 * empty, which costs one read per version in use.
 */
final class StoredVersions<V> {
    static final int CAPACITY = 10_000;

    private record Key(TenantId tenant, int version) {}

    private final TenantScope scope;
    private final String caller;
    private final Map<Key, V> remembered = new ConcurrentHashMap<>();

    StoredVersions(TenantScope scope, String caller) {
        this.scope = scope;
        this.caller = caller;
    }

    /**
     * Version {@code version} of {@code tenant}: remembered, or from {@code read}, which is empty when none is stored.
     */
    Optional<V> find(TenantId tenant, int version, Supplier<Optional<V>> read) {
        scope.requireBound(tenant, caller);
        Key key = new Key(tenant, version);
        V known = remembered.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> stored = read.get();
        stored.ifPresent(value -> scope.afterCommit(tenant, caller, () -> remember(key, value)));
        return stored;
    }

    private void remember(Key key, V value) {
        if (remembered.size() >= CAPACITY) {
            remembered.clear();
        }
        remembered.put(key, value);
    }
}
