package org.supportdesk.adapter.persistence;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** Password hashes in {@code users.password_hash}, read and written apart from the rest of a person. */
public final class JdbiCredentials implements Credentials {
    private final CredentialDao dao;

    public JdbiCredentials(Jdbi jdbi) {
        this.dao = jdbi.onDemand(CredentialDao.class);
    }

    @Override
    public Optional<String> passwordHash(TenantId tenant, UserId person) {
        return dao.passwordHash(tenant.value(), person.value());
    }

    @Override
    public void setPasswordHash(TenantId tenant, UserId person, String hash) {
        if (dao.setPasswordHash(tenant.value(), person.value(), hash) != 1) {
            throw new IllegalArgumentException("no person " + person + " in " + tenant);
        }
    }
}
