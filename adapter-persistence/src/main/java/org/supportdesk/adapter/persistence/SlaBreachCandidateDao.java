package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of the SLA breach scan's candidates. */
interface SlaBreachCandidateDao {
    /**
     * Each half repeats the predicate of its partial index ({@code tickets_first_response_due},
     * {@code tickets_resolution_due}) word for word, so the planner can prove the index applies; both read the index in
     * due order and stop at {@code limit}.
     */
    String DUE_AT_OR_BEFORE =
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

    @SqlQuery(DUE_AT_OR_BEFORE)
    List<UUID> dueAtOrBefore(UUID tenant, Instant now, int limit);
}
