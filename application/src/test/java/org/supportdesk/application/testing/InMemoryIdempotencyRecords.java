package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.port.IdempotencyRecord;
import org.supportdesk.domain.port.IdempotencyRecords;
import org.supportdesk.domain.tenant.TenantId;

/** Idempotency records in a map. */
public final class InMemoryIdempotencyRecords implements IdempotencyRecords, Snapshotting {
    private final TenantBinding binding;
    private Map<IdempotencyKey, IdempotencyRecord> records = new HashMap<>();

    public InMemoryIdempotencyRecords(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized Optional<IdempotencyRecord> find(IdempotencyKey key, Instant notBefore) {
        binding.require(key.tenant());
        return Optional.ofNullable(records.get(key)).filter(r -> !r.createdAt().isBefore(notBefore));
    }

    @Override
    public synchronized boolean add(IdempotencyRecord record, Instant replacesBefore) {
        binding.require(record.key().tenant());
        if (find(record.key(), replacesBefore).isPresent()) {
            return false;
        }
        records.put(record.key(), record);
        return true;
    }

    @Override
    public synchronized int removeCreatedBefore(TenantId tenant, Instant before, int limit) {
        binding.require(tenant);
        List<IdempotencyKey> expired = records.values().stream()
                .filter(r -> r.key().tenant().equals(tenant) && r.createdAt().isBefore(before))
                .limit(limit)
                .map(IdempotencyRecord::key)
                .toList();
        expired.forEach(records::remove);
        return expired.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(records);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        records = (Map<IdempotencyKey, IdempotencyRecord>) snapshot;
    }
}
