package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The appending of change-feed events, apart from {@link ChangeFeedDao}'s reads: every journalled change attaches this
 * DAO in its transaction, and JDBI prepares every method of a DAO each time it is attached (docs/adr/0029).
 */
interface ChangeFeedAppendDao {
    /**
     * Takes the tenant's next {@code count} cursors in one step of its counter, stores the i-th event (the i-th element
     * of every array, from 1) under the i-th of them and queues the notification that wakes the streams of every
     * instance, in one statement; answers the cursors in order. The counter row stays locked until the transaction
     * ends: a second writer of the tenant waits here, so cursors commit in order. PostgreSQL delivers the notification
     * at commit, never for a rollback.
     */
    @SqlQuery(
            """
            WITH next AS (
                INSERT INTO change_counters AS c (tenant_id, newest) VALUES (:tenant, :count)
                ON CONFLICT (tenant_id) DO UPDATE SET newest = c.newest + :count
                RETURNING newest),
            appended AS (
                INSERT INTO change_events (tenant_id, cursor, type, ticket_id, version, at, data, customer_data,
                    customer_id)
                SELECT :tenant, next.newest - :count + e.n, e.type, e.ticket_id, e.version, e.at, CAST(e.data AS json),
                       CAST(e.customer_data AS json), e.customer_id
                  FROM next,
                       unnest(CAST(:types AS text[]), CAST(:ticketIds AS uuid[]), CAST(:versions AS bigint[]),
                              CAST(:ats AS timestamptz[]), CAST(:datas AS text[]), CAST(:customerDatas AS text[]),
                              CAST(:customerIds AS uuid[]))
                       WITH ORDINALITY AS e(type, ticket_id, version, at, data, customer_data, customer_id, n)
                RETURNING cursor)
            SELECT a.cursor
              FROM appended a
             CROSS JOIN LATERAL pg_notify(:channel, CAST(:tenant AS text) || ':' || a.cursor) AS woken
             ORDER BY a.cursor
            """)
    List<Long> appendAll(
            UUID tenant,
            int count,
            String[] types,
            String[] ticketIds,
            String[] versions,
            String[] ats,
            String[] datas,
            String[] customerDatas,
            String[] customerIds,
            String channel);
}
