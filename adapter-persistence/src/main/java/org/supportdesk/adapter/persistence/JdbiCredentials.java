package org.supportdesk.adapter.persistence;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** Password hashes in {@code users.password_hash}, read and written apart from the rest of a person. */
public final class JdbiCredentials implements Credentials {
    private final Jdbi jdbi;

    public JdbiCredentials(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> passwordHash(TenantId tenant, UserId person) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT password_hash FROM users WHERE tenant_id = :tenant AND id = :id")
                        .bind("tenant", tenant.value())
                        .bind("id", person.value())
                        .mapTo(String.class)
                        .findOne());
    }

    @Override
    public void setPasswordHash(TenantId tenant, UserId person, String hash) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE users SET password_hash = :hash WHERE tenant_id = :tenant AND id = :id")
                .bind("hash", hash)
                .bind("tenant", tenant.value())
                .bind("id", person.value())
                .execute());
        if (updated != 1) {
            throw new IllegalArgumentException("no person " + person + " in " + tenant);
        }
    }
}
