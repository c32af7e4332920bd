package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the outbox's dispatch: intents handed to channels, deliveries claimed with {@code SKIP LOCKED}. */
@RegisterConstructorMapper(DeliveryRow.class)
@RegisterConstructorMapper(IntentRow.class)
interface DeliveryDao {
    String COLUMNS =
            """
            tenant_id, id, intent_id, channel, recipient, event_type, dedup_key, payload, state, attempts, created_at,
                   next_attempt_at, sent_at, last_status, last_duration_ms, last_error, updated_at""";

    /**
     * The admin lists' filter, with its own leading space: a text block would strip it as incidental indentation and
     * glue {@code WHERE} to the table name before it.
     */
    String FILTER = " WHERE tenant_id = :tenant"
            + " AND (CAST(:state AS text) IS NULL OR state = CAST(:state AS text))"
            + " AND (CAST(:recipient AS text) IS NULL OR recipient = CAST(:recipient AS text))";

    @SqlQuery(
            """
            SELECT tenant_id, id, topic, ticket_id, call_id, message_id, caused_by, status, audiences, dedup_key,
                   created_at
              FROM outbox
             WHERE tenant_id = :tenant AND delivered_at IS NULL AND parked_at IS NULL
             ORDER BY created_at, id
             LIMIT :limit
               FOR UPDATE SKIP LOCKED
            """)
    List<IntentRow> takeUnexpanded(UUID tenant, int limit);

    @SqlUpdate("UPDATE outbox SET delivered_at = :at WHERE tenant_id = :tenant AND id = :id")
    int markExpanded(UUID tenant, UUID id, Instant at);

    @SqlUpdate(
            """
            INSERT INTO outbox_deliveries (tenant_id, id, intent_id, channel, recipient, event_type, dedup_key, payload,
                state, attempts, created_at, next_attempt_at, sent_at, last_status, last_duration_ms, last_error,
                updated_at)
            VALUES (:tenantId, :id, :intentId, :channel, :recipient, :eventType, :dedupKey, :payload, :state, :attempts,
                :createdAt, :nextAttemptAt, :sentAt, :lastStatus, :lastDurationMs, :lastError, :updatedAt)
            ON CONFLICT (tenant_id, dedup_key) DO NOTHING
            """)
    void insert(@BindMethods DeliveryRow row);

    @SqlQuery(
            """
            WITH due AS (
                SELECT tenant_id, id
                  FROM outbox_deliveries
                 WHERE tenant_id = :tenant AND state IN ('pending', 'failed') AND next_attempt_at <= :now
                 ORDER BY next_attempt_at
                 LIMIT :limit
                   FOR UPDATE SKIP LOCKED
            )
            UPDATE outbox_deliveries d
               SET attempts = d.attempts + 1, next_attempt_at = :leaseUntil, updated_at = :now
              FROM due
             WHERE d.tenant_id = due.tenant_id AND d.id = due.id
            RETURNING d.tenant_id, d.id, d.intent_id, d.channel, d.recipient, d.event_type, d.dedup_key, d.payload,
                d.state, d.attempts, d.created_at, d.next_attempt_at, d.sent_at, d.last_status, d.last_duration_ms,
                d.last_error, d.updated_at
            """)
    List<DeliveryRow> claimDue(UUID tenant, Instant now, Instant leaseUntil, int limit);

    @SqlUpdate(
            """
            UPDATE outbox_deliveries
               SET state = :state, next_attempt_at = :nextAttemptAt, sent_at = :sentAt, last_status = :lastStatus,
                   last_duration_ms = :lastDurationMs, last_error = :lastError, updated_at = :updatedAt
             WHERE tenant_id = :tenantId AND id = :id AND attempts = :attempts AND state IN ('pending', 'failed')
            """)
    int recordAttempt(@BindMethods DeliveryRow row);

    @SqlUpdate(
            """
            UPDATE outbox_deliveries
               SET state = :state, next_attempt_at = :nextAttemptAt, updated_at = :updatedAt
             WHERE tenant_id = :tenantId AND id = :id
            """)
    int update(@BindMethods DeliveryRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM outbox_deliveries WHERE tenant_id = :tenant AND id = :id")
    Optional<DeliveryRow> find(UUID tenant, UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM outbox_deliveries" + FILTER
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<DeliveryRow> page(UUID tenant, String state, String recipient, int limit, long offset);

    @SqlQuery("SELECT count(*) FROM outbox_deliveries" + FILTER)
    long count(UUID tenant, String state, String recipient);

    @SqlUpdate(
            """
            DELETE FROM outbox_deliveries
             WHERE tenant_id = :tenant AND id IN (
                SELECT id FROM outbox_deliveries
                 WHERE tenant_id = :tenant AND state IN ('sent', 'parked') AND updated_at < :before
                 LIMIT :limit)
            """)
    int purgeDeliveries(UUID tenant, Instant before, int limit);

    @SqlUpdate(
            """
            DELETE FROM outbox
             WHERE tenant_id = :tenant AND id IN (
                SELECT id FROM outbox WHERE tenant_id = :tenant AND delivered_at < :before LIMIT :limit)
            """)
    int purgeIntents(UUID tenant, Instant before, int limit);
}
