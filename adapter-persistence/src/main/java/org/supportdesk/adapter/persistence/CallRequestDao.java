package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of call-back requests; decisions stay in {@link JdbiCallRequests}. Lists answer their exact total in the same
 * statement; an empty page answers one row with the total only.
 */
@RegisterConstructorMapper(CallRequestRow.class)
interface CallRequestDao {
    String COLUMNS =
            """
            c.tenant_id, c.id, c.requester_id, c.ticket_id, c.phone, c.note, c.scheduled_at, c.status, c.assignee_id,
                   c.outcome, c.requested_at, c.updated_at""";

    /** The filters of a list; a null parameter (or {@code unassigned} false) does not filter. */
    String MATCHING =
            """
             c.tenant_id = :tenant
               AND (CAST(:requester AS uuid) IS NULL OR c.requester_id = CAST(:requester AS uuid))
               AND (CAST(:statuses AS text[]) IS NULL OR c.status = ANY (CAST(:statuses AS text[])))
               AND (NOT :unassigned OR c.assignee_id IS NULL)
               AND (CAST(:assignee AS uuid) IS NULL OR c.assignee_id = CAST(:assignee AS uuid))
               AND (CAST(:dueFrom AS timestamptz) IS NULL OR c.due_at >= CAST(:dueFrom AS timestamptz))
               AND (CAST(:dueTo AS timestamptz) IS NULL OR c.due_at < CAST(:dueTo AS timestamptz))""";

    String DUE_FIRST = "c.due_at, c.id";

    String NEWEST_FIRST = "c.requested_at DESC, c.id DESC";

    /** The page's requests, in {@code page}'s order, after the total. */
    String LISTED =
            """

            SELECT total.total, l.*
              FROM total
              LEFT JOIN (
                SELECT p.position, """
                    + COLUMNS
                    + """

                  FROM call_requests c JOIN page p ON p.id = c.id
                 WHERE c.tenant_id = :tenant
              ) l ON true
             ORDER BY l.position
            """;

    @SqlQuery("SELECT " + COLUMNS + " FROM call_requests c WHERE c.tenant_id = :tenant AND c.id = :id")
    Optional<CallRequestRow> find(UUID tenant, UUID id);

    @SqlUpdate(
            """
            INSERT INTO call_requests (tenant_id, id, requester_id, ticket_id, phone, note, scheduled_at, status,
                assignee_id, outcome, requested_at, updated_at)
            VALUES (:tenantId, :id, :requesterId, :ticketId, :phone, :note, :scheduledAt, :status, :assigneeId,
                :outcome, :requestedAt, :updatedAt)
            """)
    void insert(@BindMethods CallRequestRow row);

    /** Answers 0 when there is no such request. What a customer asked for never changes. */
    @SqlUpdate(
            """
            UPDATE call_requests SET scheduled_at = :scheduledAt, status = :status, assignee_id = :assigneeId,
                   outcome = :outcome, updated_at = :updatedAt
             WHERE tenant_id = :tenantId AND id = :id
            """)
    int update(@BindMethods CallRequestRow row);

    @SqlQuery("WITH page AS (SELECT c.id, row_number() OVER (ORDER BY " + DUE_FIRST + ") AS position"
            + " FROM call_requests c WHERE " + MATCHING + " ORDER BY " + DUE_FIRST
            + " LIMIT :limit OFFSET :offset),\n"
            + "total AS (SELECT count(*) AS total FROM call_requests c WHERE " + MATCHING + ")"
            + LISTED)
    @UseRowMapper(CallRequestRow.ListedMapper.class)
    List<CallRequestRow.Listed> dueFirst(
            UUID tenant,
            UUID requester,
            String[] statuses,
            boolean unassigned,
            UUID assignee,
            Instant dueFrom,
            Instant dueTo,
            int limit,
            long offset);

    @SqlQuery("WITH page AS (SELECT c.id, row_number() OVER (ORDER BY " + NEWEST_FIRST + ") AS position"
            + " FROM call_requests c WHERE " + MATCHING + " ORDER BY " + NEWEST_FIRST
            + " LIMIT :limit OFFSET :offset),\n"
            + "total AS (SELECT count(*) AS total FROM call_requests c WHERE " + MATCHING + ")"
            + LISTED)
    @UseRowMapper(CallRequestRow.ListedMapper.class)
    List<CallRequestRow.Listed> newestFirst(
            UUID tenant,
            UUID requester,
            String[] statuses,
            boolean unassigned,
            UUID assignee,
            Instant dueFrom,
            Instant dueTo,
            int limit,
            long offset);
}
