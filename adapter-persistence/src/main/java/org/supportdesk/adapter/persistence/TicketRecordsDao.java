package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of what use cases ask of tickets and their messages beyond loading and saving one ({@link TicketDao}): a ticket's
 * messages and conversation, the tickets merged into it, moving messages in a split, retention's candidates, and
 * whether categories and articles are in use. Apart because every change attaches {@link TicketDao} in its
 * transaction, and JDBI prepares every method of a DAO each time it is attached (docs/adr/0029).
 */
@RegisterRowMapper(TicketRow.Mapper.class)
@RegisterRowMapper(MessageRow.Mapper.class)
interface TicketRecordsDao {
    @SqlQuery(
            TicketDao.SELECT_TICKET
                    + " WHERE t.tenant_id = :tenant AND t.merged_into = :target AND t.deleted_at IS NULL ORDER BY t.merged_at, t.id")
    List<TicketRow> mergedInto(UUID tenant, UUID target);

    @SqlQuery("SELECT * FROM messages WHERE tenant_id = :tenant AND ticket_id = :ticket ORDER BY created_at, id")
    List<MessageRow> messages(UUID tenant, UUID ticket);

    /** The ticket's messages and those of the live tickets merged into it, in one conversation order. */
    @SqlQuery(
            """
            SELECT m.* FROM messages m WHERE m.tenant_id = :tenant AND m.ticket_id = :ticket
            UNION ALL
            SELECT m.* FROM tickets t JOIN messages m ON m.tenant_id = t.tenant_id AND m.ticket_id = t.id
             WHERE t.tenant_id = :tenant AND t.merged_into = :ticket AND t.deleted_at IS NULL
            ORDER BY created_at, id
            """)
    List<MessageRow> conversation(UUID tenant, UUID ticket);

    @SqlUpdate("UPDATE messages SET ticket_id = :to WHERE tenant_id = :tenant AND id = ANY (CAST(:messages AS uuid[]))")
    void moveMessages(UUID tenant, UUID[] messages, UUID to);

    @SqlQuery(
            """
            SELECT id FROM tickets
             WHERE tenant_id = :tenant AND status = 'resolved' AND deleted_at IS NULL AND resolved_at <= :cutoff
             ORDER BY resolved_at, id
             LIMIT :limit
            """)
    List<UUID> resolvedAtOrBefore(UUID tenant, Instant cutoff, int limit);

    @SqlQuery("SELECT DISTINCT category FROM tickets WHERE tenant_id = :tenant")
    List<String> categoriesInUse(UUID tenant);

    @SqlQuery(
            """
            SELECT EXISTS (SELECT 1 FROM tickets WHERE tenant_id = :tenant AND related_article_id = :article)
            """)
    boolean relatesToArticle(UUID tenant, UUID article);
}
