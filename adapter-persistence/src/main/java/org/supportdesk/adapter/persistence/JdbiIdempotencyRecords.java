package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.port.IdempotencyRecord;
import org.supportdesk.domain.port.IdempotencyRecords;

/**
 * Idempotency records keyed by (tenant, caller, method, path, key). A concurrent first use of the same key waits on
 * the primary key until the other transaction ends, then finds the key taken.
 */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {
    private final IdempotencyRecordDao dao;

    public JdbiIdempotencyRecords(Jdbi jdbi) {
        this.dao = jdbi.onDemand(IdempotencyRecordDao.class);
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key, Instant notBefore) {
        return dao.find(key.tenant().value(), key.caller(), key.method(), key.path(), key.key(), notBefore)
                .map(IdempotencyRow::toDomain);
    }

    @Override
    public boolean add(IdempotencyRecord record, Instant replacesBefore) {
        return dao.insert(IdempotencyRow.from(record), replacesBefore) == 1;
    }
}
