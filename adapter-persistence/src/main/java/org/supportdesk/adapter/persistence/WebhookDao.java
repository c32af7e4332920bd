package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of webhook subscriptions. */
@RegisterConstructorMapper(WebhookRow.class)
interface WebhookDao {
    String COLUMNS = "tenant_id, id, url, events, description, sealed_secret, created_at, updated_at";

    @SqlUpdate(
            """
            INSERT INTO webhooks (tenant_id, id, url, events, description, sealed_secret, created_at, updated_at)
            VALUES (:tenantId, :id, :url, :events, :description, :sealedSecret, :createdAt, :updatedAt)
            """)
    void insert(@BindMethods WebhookRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = :tenant AND id = :id")
    Optional<WebhookRow> find(UUID tenant, UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = :tenant ORDER BY created_at, id LIMIT :limit"
            + " OFFSET :offset")
    List<WebhookRow> page(UUID tenant, int limit, long offset);

    @SqlQuery("SELECT count(*) FROM webhooks WHERE tenant_id = :tenant")
    long count(UUID tenant);

    @SqlQuery("SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = :tenant ORDER BY created_at, id")
    List<WebhookRow> all(UUID tenant);

    @SqlUpdate(
            """
            UPDATE webhooks SET url = :url, events = :events, description = :description, updated_at = :updatedAt
             WHERE tenant_id = :tenantId AND id = :id
            """)
    int update(@BindMethods WebhookRow row);

    @SqlUpdate("DELETE FROM webhooks WHERE tenant_id = :tenant AND id = :id")
    int delete(UUID tenant, UUID id);
}
