package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
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
    private final Jdbi jdbi;

    public JdbiIdempotencyRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key, Instant notBefore) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        """
                        SELECT fingerprint, status, body, created_at FROM idempotency_keys
                         WHERE tenant_id = :tenant AND caller = :caller AND method = :method AND path = :path
                           AND key = :key AND created_at >= :notBefore
                        """)
                .bind("tenant", key.tenant().value())
                .bind("caller", key.caller())
                .bind("method", key.method())
                .bind("path", key.path())
                .bind("key", key.key())
                .bind("notBefore", notBefore)
                .map((rs, ctx) -> new IdempotencyRecord(
                        key,
                        rs.getString("fingerprint"),
                        rs.getInt("status"),
                        rs.getString("body"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .findOne());
    }

    @Override
    public boolean add(IdempotencyRecord record, Instant replacesBefore) {
        IdempotencyKey key = record.key();
        int stored = jdbi.withHandle(handle -> handle.createUpdate(
                        """
                        INSERT INTO idempotency_keys AS k (tenant_id, caller, method, path, key, fingerprint, status,
                            body, created_at)
                        VALUES (:tenant, :caller, :method, :path, :key, :fingerprint, :status, :body, :createdAt)
                        ON CONFLICT (tenant_id, caller, method, path, key) DO UPDATE
                           SET fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body,
                               created_at = excluded.created_at
                         WHERE k.created_at < :replacesBefore
                        """)
                .bind("tenant", key.tenant().value())
                .bind("caller", key.caller())
                .bind("method", key.method())
                .bind("path", key.path())
                .bind("key", key.key())
                .bind("fingerprint", record.requestFingerprint())
                .bind("status", record.status())
                .bind("body", record.responseBody())
                .bind("createdAt", record.createdAt())
                .bind("replacesBefore", replacesBefore)
                .execute());
        return stored == 1;
    }
}
