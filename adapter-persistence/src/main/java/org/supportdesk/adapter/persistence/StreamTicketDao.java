package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of stream tickets; decisions stay in {@link JdbiStreamTickets}. */
@RegisterConstructorMapper(StreamTicketDao.HolderRow.class)
interface StreamTicketDao {
    /** A ticket's holder as stored; public because JDBI maps into public constructors only. */
    record HolderRow(UUID userId, String role) {}

    @SqlUpdate("INSERT INTO stream_tickets (tenant_id, digest, user_id, role, expires_at)"
            + " VALUES (:tenant, :digest, :userId, :role, :expiresAt)")
    void insert(UUID tenant, String digest, UUID userId, String role, Instant expiresAt);

    /** Spends it in one statement, so two redeemers racing for one ticket cannot both win. */
    @SqlQuery(
            """
            UPDATE stream_tickets SET spent_at = :now
             WHERE tenant_id = :tenant AND digest = :digest AND spent_at IS NULL AND expires_at > :now
            RETURNING user_id, role
            """)
    Optional<HolderRow> spend(UUID tenant, String digest, Instant now);

    @SqlUpdate("DELETE FROM stream_tickets WHERE tenant_id = :tenant AND expires_at < :before")
    int purgeExpired(UUID tenant, Instant before);
}
