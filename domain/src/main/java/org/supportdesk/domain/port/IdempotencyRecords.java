package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Optional;
import org.supportdesk.domain.tenant.TenantId;

/** The answers given to idempotency keys, kept 24 hours (§17). */
public interface IdempotencyRecords {
    /** The record for {@code key} created at or after {@code notBefore}; older records count as gone. */
    Optional<IdempotencyRecord> find(IdempotencyKey key, Instant notBefore);

    /**
     * Stores the record in the surrounding transaction, so the change and its key commit together. A record for the
     * same key created before {@code replacesBefore} has expired and is replaced.
     *
     * @return false, storing nothing, when a record for the same key created at or after {@code replacesBefore}
     *     exists (a concurrent first use committed first); a store with concurrent writers waits for the other
     *     writer's transaction to end before answering
     */
    boolean add(IdempotencyRecord record, Instant replacesBefore);

    /** Forgets at most {@code limit} of the tenant's records created before {@code before}; answers how many. */
    int removeCreatedBefore(TenantId tenant, Instant before, int limit);
}
