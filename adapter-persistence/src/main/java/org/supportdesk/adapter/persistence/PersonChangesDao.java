package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of adding and changing people, and of holding a tenant's admins while one is changed, apart from
 * {@link PeopleDao}'s reads: a change that notifies reads people, and JDBI prepares every method of a DAO each time it
 * is attached (docs/adr/0029).
 */
interface PersonChangesDao {
    /** Row-locks the tenant's active admins, in id order so that two lockers never deadlock; answers how many. */
    @SqlQuery(
            """
            SELECT count(*) FROM (SELECT 1 FROM users
                                   WHERE tenant_id = :tenant AND role = 'admin' AND active
                                   ORDER BY id FOR UPDATE) held
            """)
    int lockActiveAdmins(UUID tenant);

    @SqlUpdate(
            """
            INSERT INTO users (tenant_id, id, email, name, role, organization_id, password_hash, active, language,
                created_at)
            VALUES (:tenantId, :id, :email, :name, :role, :organizationId, :passwordHash, :active, :language,
                :createdAt)
            """)
    void insert(@BindMethods PersonRow row, String passwordHash, Instant createdAt);

    @SqlUpdate(
            """
            UPDATE users SET name = :name, role = :role, active = :active, language = :language
             WHERE tenant_id = :tenantId AND id = :id AND email = :email
            """)
    int update(@BindMethods PersonRow row);
}
