package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of reading and purging the change feed (its appending: {@link ChangeFeedAppendDao}); decisions stay in
 * {@link JdbiChangeFeed}.
 */
@RegisterConstructorMapper(ChangeEventRow.class)
interface ChangeFeedDao {
    String COLUMNS = "e.tenant_id, e.cursor, e.type, e.ticket_id, e.version, e.at, e.data::text AS data,"
            + " e.customer_data::text AS customer_data, e.customer_id";

    @SqlQuery("SELECT " + COLUMNS + " FROM change_events e WHERE e.tenant_id = :tenant AND e.cursor > :after"
            + " AND e.cursor <= :upTo ORDER BY e.cursor LIMIT :limit")
    List<ChangeEventRow> between(UUID tenant, long after, long upTo, int limit);

    /** §8 in SQL, as TicketAccess.isTheirs: the customer's own tickets, and their organisation's when shared. */
    @SqlQuery(
            """
            SELECT e.tenant_id, e.cursor, e.type, e.ticket_id, e.version, e.at, e.data::text AS data,
                   e.customer_data::text AS customer_data, e.customer_id
              FROM change_events e
             WHERE e.tenant_id = :tenant AND e.cursor > :after AND e.cursor <= :upTo AND e.customer_data IS NOT NULL
               AND (e.customer_id = :customer
                    OR e.customer_id IS NULL AND EXISTS (
                        SELECT 1 FROM tickets t
                         WHERE t.tenant_id = e.tenant_id AND t.id = e.ticket_id
                           AND (t.requester_id = :customer
                                OR :sharesOrganization AND t.organization_id = :organization)))
             ORDER BY e.cursor
             LIMIT :limit
            """)
    List<ChangeEventRow> betweenForCustomer(
            UUID tenant,
            long after,
            long upTo,
            UUID customer,
            boolean sharesOrganization,
            UUID organization,
            int limit);

    @SqlQuery("SELECT COALESCE((SELECT newest FROM change_counters WHERE tenant_id = :tenant), 0)")
    long newest(UUID tenant);

    @SqlQuery("SELECT min(cursor) FROM change_events WHERE tenant_id = :tenant")
    Long oldestKept(UUID tenant);

    @SqlUpdate("DELETE FROM change_events WHERE tenant_id = :tenant AND at < :before")
    int purgeOlderThan(UUID tenant, Instant before);
}
