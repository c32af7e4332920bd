package org.supportdesk.adapter.persistence;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * The writing of in-app notifications, apart from {@link NotificationDao}: every change that notifies attaches this
 * DAO in its transaction, and JDBI prepares every method of a DAO each time it is attached (docs/adr/0029).
 */
interface NotificationInsertDao {
    @SqlBatch(
            """
            INSERT INTO notifications (tenant_id, id, recipient_id, topic, ticket_id, ticket_number, call_id, title,
                created_at, read_at)
            VALUES (:tenantId, :id, :recipientId, :topic, :ticketId, :ticketNumber, :callId, :title, :createdAt,
                :readAt)
            """)
    void insert(@BindMethods List<NotificationRow> rows);
}
