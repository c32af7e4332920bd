package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.port.IdempotencyRecord;
import org.supportdesk.domain.port.IdempotencyRecords;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Idempotency records keyed by (tenant, caller, method, path, key). A concurrent first use of the same key waits on
 * the primary key until the other transaction ends, then finds the key taken.
 */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {
    private final TenantScope scope;

    JdbiIdempotencyRecords(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key, Instant notBefore) {
        return dao(key.tenant())
                .find(key.tenant().value(), key.caller(), key.method(), key.path(), key.key(), notBefore)
                .map(IdempotencyRow::toDomain);
    }

    @Override
    public boolean add(IdempotencyRecord record, Instant replacesBefore) {
        return dao(record.key().tenant()).insert(IdempotencyRow.from(record), replacesBefore) == 1;
    }

    @Override
    public int removeCreatedBefore(TenantId tenant, Instant before, int limit) {
        return dao(tenant).removeCreatedBefore(tenant.value(), before, limit);
    }

    private IdempotencyRecordDao dao(TenantId tenant) {
        return scope.dao(tenant, IdempotencyRecordDao.class);
    }
}
