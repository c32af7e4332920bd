package org.supportdesk.adapter.http.auth;

import java.util.Objects;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** What a verified token says: who ({@code sub}), in which tenant ({@code tid}), with which role. */
public record TokenClaims(TenantId tenant, UserId person, Role role) {
    public TokenClaims {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
    }
}
