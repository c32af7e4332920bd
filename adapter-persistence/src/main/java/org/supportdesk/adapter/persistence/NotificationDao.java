package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of reading, marking and purging in-app notifications (their writing: {@link NotificationInsertDao}); decisions
 * stay in {@link JdbiNotifications}.
 */
@RegisterConstructorMapper(NotificationRow.class)
@RegisterConstructorMapper(NotificationRow.Listed.class)
interface NotificationDao {
    String COLUMNS = "n.tenant_id, n.id, n.recipient_id, n.topic, n.ticket_id, n.ticket_number, n.call_id, n.title,"
            + " n.created_at, n.read_at";

    String MINE = " n.tenant_id = :tenant AND n.recipient_id = :recipient AND (NOT :unreadOnly OR n.read_at IS NULL)";

    /** The page, newest first, each row with the exact total; an empty page answers one row with the total only. */
    @SqlQuery("WITH total AS (SELECT count(*) AS total FROM notifications n WHERE" + MINE + "),\n"
            + "page AS (SELECT " + COLUMNS + " FROM notifications n WHERE" + MINE
            + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset)\n"
            + "SELECT total.total, page.* FROM total LEFT JOIN page ON true"
            + " ORDER BY page.created_at DESC, page.id DESC")
    List<NotificationRow.Listed> page(UUID tenant, UUID recipient, boolean unreadOnly, int limit, long offset);

    @SqlQuery("SELECT count(*) FROM notifications n WHERE n.tenant_id = :tenant AND n.recipient_id = :recipient"
            + " AND n.read_at IS NULL")
    long unreadCount(UUID tenant, UUID recipient);

    /** Marks it read unless it already is, and answers it as stored; nothing for someone else's or a missing one. */
    @SqlQuery(
            """
            WITH marked AS (
                UPDATE notifications SET read_at = COALESCE(read_at, :at)
                 WHERE tenant_id = :tenant AND recipient_id = :recipient AND id = :id
                RETURNING *)
            SELECT n.tenant_id, n.id, n.recipient_id, n.topic, n.ticket_id, n.ticket_number, n.call_id, n.title,
                   n.created_at, n.read_at
              FROM marked n
            """)
    Optional<NotificationRow> markRead(UUID tenant, UUID recipient, UUID id, Instant at);

    @SqlUpdate("UPDATE notifications SET read_at = :at"
            + " WHERE tenant_id = :tenant AND recipient_id = :recipient AND read_at IS NULL")
    int markAllRead(UUID tenant, UUID recipient, Instant at);

    @SqlUpdate(
            """
            DELETE FROM notifications WHERE tenant_id = :tenant AND id IN (
                SELECT id FROM notifications
                 WHERE tenant_id = :tenant
                   AND (created_at < :anyBefore OR (created_at < :readBefore AND read_at IS NOT NULL))
                 ORDER BY created_at
                 LIMIT :limit)
            """)
    int purge(UUID tenant, Instant readBefore, Instant anyBefore, int limit);
}
