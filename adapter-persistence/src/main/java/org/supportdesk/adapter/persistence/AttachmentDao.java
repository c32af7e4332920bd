package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of what is known about attachments. */
@RegisterConstructorMapper(AttachmentRow.class)
interface AttachmentDao {
    @SqlUpdate(
            """
            INSERT INTO attachments (tenant_id, id, uploaded_by, uploaded_at, file_name, content_type, size_bytes,
                sha256, ticket_id, message_id, linked_at)
            VALUES (:tenantId, :id, :uploadedBy, :uploadedAt, :fileName, :contentType, :sizeBytes, :sha256, :ticketId,
                :messageId, :linkedAt)
            """)
    void insert(@BindMethods AttachmentRow row);

    @SqlQuery("SELECT * FROM attachments WHERE tenant_id = :tenant AND id = :id")
    Optional<AttachmentRow> find(UUID tenant, UUID id);

    @SqlUpdate(
            """
            UPDATE attachments SET ticket_id = :ticket, message_id = :message, linked_at = :linkedAt
             WHERE tenant_id = :tenant AND id = :id AND ticket_id IS NULL
            """)
    int link(UUID tenant, UUID id, UUID ticket, UUID message, Instant linkedAt);

    @SqlQuery(
            """
            SELECT * FROM attachments WHERE tenant_id = :tenant AND ticket_id = :ticket ORDER BY linked_at, id
            """)
    List<AttachmentRow> ofTicket(UUID tenant, UUID ticket);

    @SqlUpdate(
            """
            UPDATE attachments SET ticket_id = :to
             WHERE tenant_id = :tenant AND message_id = ANY (CAST(:messages AS uuid[]))
            """)
    void moveWithMessages(UUID tenant, UUID[] messages, UUID to);

    @SqlQuery(
            """
            SELECT * FROM attachments
             WHERE tenant_id = :tenant AND ticket_id IS NULL AND uploaded_at < :cutoff
             ORDER BY uploaded_at, id
             LIMIT :limit
            """)
    List<AttachmentRow> unlinkedBefore(UUID tenant, Instant cutoff, int limit);

    // A DELETE that waited for a transaction linking the row re-reads it and, finding it linked, leaves it.
    @SqlUpdate("DELETE FROM attachments WHERE tenant_id = :tenant AND id = :id AND ticket_id IS NULL")
    int deleteUnlinked(UUID tenant, UUID id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM attachments WHERE tenant_id = :tenant AND sha256 = :sha256)")
    boolean contentInUse(UUID tenant, String sha256);

    // A transaction-scoped advisory lock per (tenant, bytes); a hash collision only makes two uploads wait in turn.
    @SqlQuery(
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(CAST(:tenant AS text)), hashtext(:sha256))) AS locked")
    int lockContent(UUID tenant, String sha256);
}
