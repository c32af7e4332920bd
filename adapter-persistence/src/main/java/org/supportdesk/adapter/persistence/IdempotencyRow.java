package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.UUID;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.port.IdempotencyRecord;
import org.supportdesk.domain.tenant.TenantId;

/** An {@code idempotency_keys} row: the key's five parts and the answer given to it. */
public record IdempotencyRow(
        UUID tenantId,
        String caller,
        String method,
        String path,
        String key,
        String fingerprint,
        int status,
        String body,
        Instant createdAt) {

    static IdempotencyRow from(IdempotencyRecord r) {
        IdempotencyKey k = r.key();
        return new IdempotencyRow(
                k.tenant().value(),
                k.caller(),
                k.method(),
                k.path(),
                k.key(),
                r.requestFingerprint(),
                r.status(),
                r.responseBody(),
                r.createdAt());
    }

    IdempotencyRecord toDomain() {
        return new IdempotencyRecord(
                new IdempotencyKey(new TenantId(tenantId), caller, method, path, key),
                fingerprint,
                status,
                body,
                createdAt);
    }
}
