package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.TenantId;

/** Integration API tokens in {@code api_tokens}, each with the SHA-256 digest of its secret and never the secret. */
public final class JdbiApiTokens implements ApiTokens {
    private final TenantScope scope;

    JdbiApiTokens(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void add(ApiToken token, String secretDigest) {
        dao(token.tenant()).insert(ApiTokenRow.from(token), secretDigest);
    }

    @Override
    public Optional<ApiToken> find(TenantId tenant, ApiTokenId id) {
        return dao(tenant).find(tenant.value(), id.value()).map(ApiTokenRow::toDomain);
    }

    @Override
    public Optional<ApiToken> bySecretDigest(TenantId tenant, String secretDigest) {
        return scope.readOnItsOwn(tenant, CallerDao.class, dao -> dao.apiToken(tenant.value(), secretDigest))
                .map(ApiTokenRow::toDomain);
    }

    @Override
    public List<ApiToken> list(TenantId tenant) {
        return dao(tenant).list(tenant.value()).stream()
                .map(ApiTokenRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public void update(ApiToken token) {
        if (dao(token.tenant()).updateRevocation(ApiTokenRow.from(token)) != 1) {
            throw new IllegalArgumentException("no API token " + token.id() + " in " + token.tenant());
        }
    }

    private ApiTokenDao dao(TenantId tenant) {
        return scope.dao(tenant, ApiTokenDao.class);
    }
}
