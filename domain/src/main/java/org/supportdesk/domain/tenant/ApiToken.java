package org.supportdesk.domain.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * An integration API token (§12, §17): a named bearer credential an admin created, acting as staff with {@code role}
 * under its own identity, a person record that can never sign in or be assigned, so that messages and journal entries
 * it writes name it. The secret itself is never kept, only its digest (see {@link ApiTokenSecret}).
 */
public record ApiToken(
        ApiTokenId id,
        TenantId tenant,
        String name,
        Role role,
        UserId identity,
        UserId createdBy,
        Instant createdAt,
        Optional<Instant> revokedAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        name = Validation.trimmed("name", name, 1, 100);
        if (role == null || !role.isStaff()) {
            throw ValidationFailed.of("role", "must be agent or admin");
        }
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    /** The staff actor this token acts as. */
    public StaffActor actor() {
        return new StaffActor(tenant, identity, name, role);
    }

    /** This token, revoked at {@code at}. */
    public ApiToken revoked(Instant at) {
        return new ApiToken(id, tenant, name, role, identity, createdBy, createdAt, Optional.of(at));
    }
}
