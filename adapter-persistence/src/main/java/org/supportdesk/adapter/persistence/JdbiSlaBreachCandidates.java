package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.SlaBreachCandidates;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The SLA breach scan's candidates: live tickets of a tenant whose cached first-response or resolution due time has
 * passed while that clock still runs and no breach of it is recorded yet. Each half of the query repeats the predicate
 * of its partial index ({@code tickets_first_response_due}, {@code tickets_resolution_due}) word for word, so the
 * planner can prove the index applies; both read the index in due order and stop at {@code limit}.
 */
public final class JdbiSlaBreachCandidates implements SlaBreachCandidates {
    static final String SQL =
            """
            SELECT c.id
              FROM (
                (SELECT t.id, t.first_response_due_at AS due
                   FROM tickets t
                  WHERE t.tenant_id = :tenant AND t.first_response_due_at <= :now
                    AND t.first_response_breached_at IS NULL AND t.first_responded_at IS NULL AND t.deleted_at IS NULL
                    AND t.status NOT IN ('resolved', 'closed')
                  ORDER BY t.first_response_due_at
                  LIMIT :limit)
                UNION ALL
                (SELECT t.id, t.resolution_due_at AS due
                   FROM tickets t
                  WHERE t.tenant_id = :tenant AND t.resolution_due_at <= :now
                    AND t.resolution_breached_at IS NULL AND t.deleted_at IS NULL AND t.status IN ('new', 'in_progress')
                  ORDER BY t.resolution_due_at
                  LIMIT :limit)
              ) c
             GROUP BY c.id
             ORDER BY min(c.due), c.id
             LIMIT :limit
            """;

    private final Jdbi jdbi;

    public JdbiSlaBreachCandidates(Jdbi jdbi) {
        this.jdbi = jdbi;
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
        return jdbi
                .withHandle(handle -> handle.createQuery(SQL)
                        .bind("tenant", tenant.value())
                        .bind("now", now)
                        .bind("limit", limit)
                        .mapTo(java.util.UUID.class)
                        .list())
                .stream()
                .map(TicketId::new)
                .collect(Collectors.toList());
    }
}
