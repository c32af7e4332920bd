package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Person;

/** A row of {@code caller_of}: the person's {@code users} row and, for a customer of one, their organisation's. */
public record CallerRow(PersonRow person, String organizationName, boolean organizationSharedTickets) {

    /** Reads the person's columns as {@link PersonRow.Mapper} does, and the organisation's beside them. */
    public static final class Mapper implements RowMapper<CallerRow> {
        private final PersonRow.Mapper person = new PersonRow.Mapper();

        @Override
        public CallerRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CallerRow(
                    person.map(rs, ctx),
                    rs.getString("organization_name"),
                    rs.getBoolean("organization_shared_tickets"));
        }
    }

    People.Caller toDomain() {
        Person caller = person.toDomain();
        Optional<Organization> organization = caller.organization()
                .filter(id -> organizationName != null)
                .map(id -> new Organization(id, caller.tenant(), organizationName, organizationSharedTickets));
        return new People.Caller(caller, organization);
    }
}
