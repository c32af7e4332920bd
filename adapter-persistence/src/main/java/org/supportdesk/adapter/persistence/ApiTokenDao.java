package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of integration API tokens. */
@RegisterConstructorMapper(ApiTokenRow.class)
interface ApiTokenDao {
    String SELECT_TOKEN =
            """
            SELECT tenant_id, id, name, role, identity_id, created_by, created_at, revoked_at FROM api_tokens
            """;

    @SqlUpdate(
            """
            INSERT INTO api_tokens (tenant_id, id, name, role, identity_id, created_by, secret_digest, created_at,
                revoked_at)
            VALUES (:tenantId, :id, :name, :role, :identityId, :createdBy, :secretDigest, :createdAt, :revokedAt)
            """)
    void insert(@BindMethods ApiTokenRow row, String secretDigest);

    @SqlQuery(SELECT_TOKEN + " WHERE tenant_id = :tenant AND id = :id")
    Optional<ApiTokenRow> find(UUID tenant, UUID id);

    @SqlQuery(SELECT_TOKEN + " WHERE tenant_id = :tenant ORDER BY created_at, id")
    List<ApiTokenRow> list(UUID tenant);

    @SqlUpdate("UPDATE api_tokens SET revoked_at = :revokedAt WHERE tenant_id = :tenantId AND id = :id")
    int updateRevocation(@BindMethods ApiTokenRow row);
}
