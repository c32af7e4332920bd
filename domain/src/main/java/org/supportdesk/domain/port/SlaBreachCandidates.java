package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/** Where the breach scanner starts (§7): tickets whose cached due time has passed with the breach not yet recorded. */
public interface SlaBreachCandidates {
    /**
     * Live tickets of {@code tenant} with a cached first-response or resolution due time at or before {@code now}
     * whose breach of that target is not recorded, at most {@code limit}, earliest due first. The cache may be stale;
     * the scanner recomputes each candidate before recording anything.
     */
    List<TicketId> dueAtOrBefore(TenantId tenant, Instant now, int limit);
}
