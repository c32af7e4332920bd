package org.supportdesk.adapter.persistence;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code users.password_hash}, apart from the rest of a person. */
interface CredentialDao {
    @SqlQuery("SELECT password_hash FROM users WHERE tenant_id = :tenant AND id = :id")
    Optional<String> passwordHash(UUID tenant, UUID id);

    @SqlUpdate("UPDATE users SET password_hash = :hash WHERE tenant_id = :tenant AND id = :id")
    int setPasswordHash(UUID tenant, UUID id, String hash);
}
