package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** Integration API tokens in {@code api_tokens}, each with the SHA-256 digest of its secret and never the secret. */
public final class JdbiApiTokens implements ApiTokens {
    private static final String SELECT =
            """
            SELECT tenant_id, id, name, role, identity_id, created_by, created_at, revoked_at FROM api_tokens
            """;

    private final Jdbi jdbi;

    public JdbiApiTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(ApiToken token, String secretDigest) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        """
                        INSERT INTO api_tokens (tenant_id, id, name, role, identity_id, created_by, secret_digest,
                            created_at, revoked_at)
                        VALUES (:tenant, :id, :name, :role, :identity, :createdBy, :digest, :createdAt, :revokedAt)
                        """)
                .bind("tenant", token.tenant().value())
                .bind("id", token.id().value())
                .bind("name", token.name())
                .bind("role", token.role().wireName())
                .bind("identity", token.identity().value())
                .bind("createdBy", token.createdBy().value())
                .bind("digest", secretDigest)
                .bind("createdAt", token.createdAt())
                .bind("revokedAt", token.revokedAt().orElse(null))
                .execute());
    }

    @Override
    public Optional<ApiToken> find(TenantId tenant, ApiTokenId id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map((rs, ctx) -> toToken(rs))
                .findOne());
    }

    @Override
    public Optional<ApiToken> bySecretDigest(TenantId tenant, String secretDigest) {
        return jdbi.withHandle(
                handle -> handle.createQuery(SELECT + " WHERE tenant_id = :tenant AND secret_digest = :digest")
                        .bind("tenant", tenant.value())
                        .bind("digest", secretDigest)
                        .map((rs, ctx) -> toToken(rs))
                        .findOne());
    }

    @Override
    public List<ApiToken> list(TenantId tenant) {
        return jdbi.withHandle(
                handle -> handle.createQuery(SELECT + " WHERE tenant_id = :tenant ORDER BY created_at, id")
                        .bind("tenant", tenant.value())
                        .map((rs, ctx) -> toToken(rs))
                        .list());
    }

    @Override
    public void update(ApiToken token) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE api_tokens SET revoked_at = :revokedAt WHERE tenant_id = :tenant AND id = :id")
                .bind("revokedAt", token.revokedAt().orElse(null))
                .bind("tenant", token.tenant().value())
                .bind("id", token.id().value())
                .execute());
        if (updated != 1) {
            throw new IllegalArgumentException("no API token " + token.id() + " in " + token.tenant());
        }
    }

    private static ApiToken toToken(ResultSet rs) throws SQLException {
        return new ApiToken(
                new ApiTokenId(rs.getObject("id", UUID.class)),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("name"),
                Rows.role(rs.getString("role")),
                new UserId(rs.getObject("identity_id", UUID.class)),
                new UserId(rs.getObject("created_by", UUID.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant));
    }
}
