package org.supportdesk.domain.port;

import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.TenantId;

/** The integration API tokens of each tenant, kept with the digest of their secret only. Scoped to the tenant named. */
public interface ApiTokens {
    /** Stores a new token with the digest of its secret, in the surrounding transaction. */
    void add(ApiToken token, String secretDigest);

    /** The token of {@code tenant} with that id, revoked or not. */
    Optional<ApiToken> find(TenantId tenant, ApiTokenId id);

    /**
     * The token of {@code tenant} whose secret has that digest, revoked or not. Like {@link People#caller} it needs no
     * surrounding transaction (every request with a token asks it before its unit of work); inside a transaction of
     * {@code tenant} it reads in that one.
     *
     * @throws IllegalStateException inside a transaction of another tenant
     */
    Optional<ApiToken> bySecretDigest(TenantId tenant, String secretDigest);

    /** Every token of {@code tenant}, revoked ones included, oldest first. */
    List<ApiToken> list(TenantId tenant);

    /** Stores the token's new state (its revocation) in the surrounding transaction. */
    void update(ApiToken token);
}
