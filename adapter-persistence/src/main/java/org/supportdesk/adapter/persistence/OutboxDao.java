package org.supportdesk.adapter.persistence;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the transactional outbox. */
interface OutboxDao {
    @SqlUpdate(
            """
            INSERT INTO outbox (tenant_id, id, topic, ticket_id, call_id, message_id, caused_by, status, audiences,
                dedup_key, created_at, next_attempt_at)
            VALUES (:tenantId, :id, :topic, :ticketId, :callId, :messageId, :causedBy, :status, :audiences, :dedupKey,
                :at, :at)
            """)
    void insert(@BindMethods OutboxRow row);
}
