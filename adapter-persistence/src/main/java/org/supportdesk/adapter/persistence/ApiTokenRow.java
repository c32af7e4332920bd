package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** An {@code api_tokens} row without the digest of its secret, which only lookups by digest use. */
public record ApiTokenRow(
        UUID tenantId,
        UUID id,
        String name,
        String role,
        UUID identityId,
        UUID createdBy,
        Instant createdAt,
        Instant revokedAt) {

    static ApiTokenRow from(ApiToken t) {
        return new ApiTokenRow(
                t.tenant().value(),
                t.id().value(),
                t.name(),
                t.role().wireName(),
                t.identity().value(),
                t.createdBy().value(),
                t.createdAt(),
                t.revokedAt().orElse(null));
    }

    ApiToken toDomain() {
        return new ApiToken(
                new ApiTokenId(id),
                new TenantId(tenantId),
                name,
                Rows.role(role),
                new UserId(identityId),
                new UserId(createdBy),
                createdAt,
                Optional.ofNullable(revokedAt));
    }
}
