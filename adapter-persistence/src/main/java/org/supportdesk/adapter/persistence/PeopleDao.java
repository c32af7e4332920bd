package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of people ({@code users} without the password hash); their organisations are {@link OrganizationDao}'s. Decisions
 * stay in the store.
 */
@RegisterRowMapper(PersonRow.Mapper.class)
interface PeopleDao {
    /** Row-locks the tenant's active admins, in id order so that two lockers never deadlock; answers how many. */
    @SqlQuery(
            """
            SELECT count(*) FROM (SELECT 1 FROM users
                                   WHERE tenant_id = :tenant AND role = 'admin' AND active
                                   ORDER BY id FOR UPDATE) held
            """)
    int lockActiveAdmins(UUID tenant);

    String PERSON_COLUMNS = "tenant_id, id, email, name, role, organization_id, active, language";

    String SELECT_PERSON = "SELECT " + PERSON_COLUMNS + " FROM users";

    @SqlQuery(SELECT_PERSON + " WHERE tenant_id = :tenant AND id = :id")
    Optional<PersonRow> person(UUID tenant, UUID id);

    @SqlQuery(SELECT_PERSON + " WHERE tenant_id = :tenant AND email = :email")
    Optional<PersonRow> personByEmail(UUID tenant, String email);

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

    @SqlQuery("SELECT count(*) FROM users WHERE tenant_id = :tenant AND role = ANY(CAST(:roles AS text[]))")
    long count(UUID tenant, String[] roles);

    /** A page of people with their total, counted in the same statement: a page is one round trip, not two. */
    @SqlQuery(
            "SELECT " + PERSON_COLUMNS
                    + """
            , count(*) OVER () AS total
              FROM users
             WHERE tenant_id = :tenant AND role = ANY(CAST(:roles AS text[]))
             ORDER BY email COLLATE "C"
             LIMIT :limit OFFSET :offset
            """)
    @UseRowMapper(PersonRow.CountedMapper.class)
    List<CountedRow<PersonRow>> list(UUID tenant, String[] roles, int limit, long offset);
}
