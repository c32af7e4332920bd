package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Optional;

/** The answers given to idempotency keys, kept 24 hours (§17). */
public interface IdempotencyRecords {
    /** The record for {@code key} created at or after {@code notBefore}; older records count as gone. */
    Optional<IdempotencyRecord> find(IdempotencyKey key, Instant notBefore);

    /**
     * Stores the record in the surrounding transaction, so the change and its key commit together.
     *
     * @return false, storing nothing, when a live record for the same key exists already (a concurrent first use)
     */
    boolean add(IdempotencyRecord record);
}
