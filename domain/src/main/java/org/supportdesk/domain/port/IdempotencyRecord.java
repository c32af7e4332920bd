package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;

/** The first answer given to an idempotency key, and a fingerprint of the request that earned it. */
public record IdempotencyRecord(
        IdempotencyKey key, String requestFingerprint, int status, String responseBody, Instant createdAt) {
    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(responseBody, "responseBody");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
