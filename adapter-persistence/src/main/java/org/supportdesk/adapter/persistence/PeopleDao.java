package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of reading people ({@code users} without the password hash); adding and changing them is
 * {@link PersonChangesDao}'s, their organisations {@link OrganizationDao}'s. Decisions stay in the store.
 */
@RegisterRowMapper(PersonRow.Mapper.class)
interface PeopleDao {
    String PERSON_COLUMNS = "tenant_id, id, email, name, role, organization_id, active, language";

    String SELECT_PERSON = "SELECT " + PERSON_COLUMNS + " FROM users";

    @SqlQuery(SELECT_PERSON + " WHERE tenant_id = :tenant AND id = :id")
    Optional<PersonRow> person(UUID tenant, UUID id);

    @SqlQuery(SELECT_PERSON + " WHERE tenant_id = :tenant AND email = :email")
    Optional<PersonRow> personByEmail(UUID tenant, String email);

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
