package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the record of received mail. */
@RegisterConstructorMapper(ReceivedMailRow.class)
interface ReceivedMailDao {
    String COLUMNS =
            "tenant_id, mail_key, sender, outcome, rule, reason, ticket_id, ticket_number, message_id, received_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM received_mails WHERE tenant_id = :tenant AND mail_key = :key")
    Optional<ReceivedMailRow> find(UUID tenant, String key);

    /** A second transaction inserting the same key waits for the first, then inserts nothing. */
    @SqlUpdate(
            """
            INSERT INTO received_mails (tenant_id, mail_key, sender, outcome, rule, reason, ticket_id, ticket_number,
                                        message_id, received_at)
            VALUES (:tenantId, :mailKey, :sender, :outcome, :rule, :reason, :ticketId, :ticketNumber, :messageId,
                    :receivedAt)
            ON CONFLICT (tenant_id, mail_key) DO NOTHING
            """)
    int insert(@BindMethods ReceivedMailRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM received_mails"
            + " WHERE tenant_id = :tenant AND ticket_id = :ticket AND message_id IS NOT NULL")
    List<ReceivedMailRow> ofTicket(UUID tenant, UUID ticket);
}
