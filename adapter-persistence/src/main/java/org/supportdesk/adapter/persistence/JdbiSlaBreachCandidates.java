package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.supportdesk.domain.port.SlaBreachCandidates;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The SLA breach scan's candidates: live tickets of a tenant whose cached first-response or resolution due time has
 * passed while that clock still runs and no breach of it is recorded yet, read through the two partial due indexes
 * ({@link SlaBreachCandidateDao#DUE_AT_OR_BEFORE}).
 */
public final class JdbiSlaBreachCandidates implements SlaBreachCandidates {
    private final TenantScope scope;

    JdbiSlaBreachCandidates(TenantScope scope) {
        this.scope = scope;
    }

    /**
     * At most {@code limit} tickets of {@code tenant} with a running clock due at or before {@code now} and not yet
     * recorded as breached, the longest overdue first (ties by id). Runs on the caller's tenant-bound transaction.
     */
    @Override
    public List<TicketId> dueAtOrBefore(TenantId tenant, Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return dao(tenant).dueAtOrBefore(tenant.value(), now, limit).stream()
                .map(TicketId::new)
                .collect(Collectors.toList());
    }

    private SlaBreachCandidateDao dao(TenantId tenant) {
        return scope.dao(tenant, SlaBreachCandidateDao.class);
    }
}
