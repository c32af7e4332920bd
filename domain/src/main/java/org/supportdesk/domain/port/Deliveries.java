package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The outbox's deliveries (§13): the intents not yet handed to the channels, and one row per channel and recipient
 * after. Claims skip rows another dispatcher holds ({@code FOR UPDATE SKIP LOCKED} in PostgreSQL), so several server
 * instances may dispatch at once.
 */
public interface Deliveries {
    /** Up to {@code limit} intents not yet handed to the channels, locked for this transaction; others skip them. */
    List<NotificationIntent> takeUnexpanded(TenantId tenant, int limit);

    /** Marks an intent handed to the channels. */
    void markExpanded(TenantId tenant, UUID intentId, Instant at);

    /** Stores a new delivery; one whose dedup key is already stored is ignored. */
    void add(Delivery delivery);

    /**
     * Claims up to {@code limit} open deliveries due at {@code now}, skipping rows other transactions hold: each gets
     * one more attempt counted and becomes due again only at {@code leaseUntil}, so no other dispatcher takes it while
     * this attempt is in flight. Answers them as claimed.
     */
    List<Delivery> claimDue(TenantId tenant, Instant now, Instant leaseUntil, int limit);

    /**
     * Stores the result of the attempt {@code delivery} was claimed for; answers false, storing nothing, when a later
     * claim has taken the row since (its attempt count moved on).
     */
    boolean recordAttempt(Delivery delivery);

    /** Stores an admin's change to a delivery (a retry). */
    void update(Delivery delivery);

    Optional<Delivery> find(TenantId tenant, UUID id);

    /** Newest first; an empty state or recipient does not filter. */
    Page<Delivery> list(TenantId tenant, Optional<DeliveryState> state, Optional<String> recipient, PageRequest page);

    /**
     * Deletes up to {@code limit} sent or parked deliveries last changed before {@code before}, and intents handed over
     * before it; answers how many rows went.
     */
    int purge(TenantId tenant, Instant before, int limit);
}
