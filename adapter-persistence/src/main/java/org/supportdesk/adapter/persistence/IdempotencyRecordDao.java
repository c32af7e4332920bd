package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of idempotency records. */
@RegisterConstructorMapper(IdempotencyRow.class)
interface IdempotencyRecordDao {
    @SqlQuery(
            """
            SELECT tenant_id, caller, method, path, key, fingerprint, status, body, created_at FROM idempotency_keys
             WHERE tenant_id = :tenant AND caller = :caller AND method = :method AND path = :path AND key = :key
               AND created_at >= :notBefore
            """)
    Optional<IdempotencyRow> find(
            UUID tenant, String caller, String method, String path, String key, Instant notBefore);

    @SqlUpdate(
            """
            INSERT INTO idempotency_keys AS k (tenant_id, caller, method, path, key, fingerprint, status, body,
                created_at)
            VALUES (:tenantId, :caller, :method, :path, :key, :fingerprint, :status, :body, :createdAt)
            ON CONFLICT (tenant_id, caller, method, path, key) DO UPDATE
               SET fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body,
                   created_at = excluded.created_at
             WHERE k.created_at < :replacesBefore
            """)
    int insert(@BindMethods IdempotencyRow row, Instant replacesBefore);

    @SqlUpdate(
            """
            DELETE FROM idempotency_keys
             WHERE ctid IN (SELECT ctid FROM idempotency_keys
                             WHERE tenant_id = :tenant AND created_at < :before LIMIT :limit)
            """)
    int removeCreatedBefore(UUID tenant, Instant before, int limit);
}
