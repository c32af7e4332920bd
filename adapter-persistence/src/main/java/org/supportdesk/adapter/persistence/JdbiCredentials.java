package org.supportdesk.adapter.persistence;

import java.util.Optional;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** Password hashes in {@code users.password_hash}, read and written apart from the rest of a person. */
public final class JdbiCredentials implements Credentials {
    private final TenantScope scope;

    JdbiCredentials(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<String> passwordHash(TenantId tenant, UserId person) {
        return dao(tenant).passwordHash(tenant.value(), person.value());
    }

    @Override
    public void setPasswordHash(TenantId tenant, UserId person, String hash) {
        if (dao(tenant).setPasswordHash(tenant.value(), person.value(), hash) != 1) {
            throw new IllegalArgumentException("no person " + person + " in " + tenant);
        }
    }

    private CredentialDao dao(TenantId tenant) {
        return scope.dao(tenant, CredentialDao.class);
    }
}
