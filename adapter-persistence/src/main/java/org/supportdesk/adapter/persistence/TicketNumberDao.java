package org.supportdesk.adapter.persistence;

import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of the per-tenant ticket number counter. */
interface TicketNumberDao {
    @SqlQuery(
            """
            INSERT INTO ticket_number_counters AS c (tenant_id, last_value) VALUES (:tenant, 1)
            ON CONFLICT (tenant_id) DO UPDATE SET last_value = c.last_value + 1
            RETURNING last_value
            """)
    long next(UUID tenant);
}
