package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** A {@code users} row without its password hash, which never leaves the sign-in code. */
public record PersonRow(
        UUID tenantId,
        UUID id,
        String email,
        String name,
        String role,
        UUID organizationId,
        boolean active,
        String language) {

    /**
     * Reads the row by column name, as a constructor mapper would have, without matching the columns again for every
     * statement (the caller of every request is read through it).
     */
    public static final class Mapper implements RowMapper<PersonRow> {
        @Override
        public PersonRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PersonRow(
                    rs.getObject("tenant_id", UUID.class),
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("name"),
                    rs.getString("role"),
                    rs.getObject("organization_id", UUID.class),
                    rs.getBoolean("active"),
                    rs.getString("language"));
        }
    }

    /** A person of a page, with the page's total read beside it ({@link CountedRow}). */
    public static final class CountedMapper implements RowMapper<CountedRow<PersonRow>> {
        private final Mapper person = new Mapper();

        @Override
        public CountedRow<PersonRow> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CountedRow<>(person.map(rs, ctx), rs.getLong("total"));
        }
    }

    static PersonRow from(Person p) {
        return new PersonRow(
                p.tenant().value(),
                p.id().value(),
                p.email().value(),
                p.name(),
                p.role().wireName(),
                p.organization().map(OrganizationId::value).orElse(null),
                p.active(),
                p.language().wireName());
    }

    Person toDomain() {
        return new Person(
                new UserId(id),
                new TenantId(tenantId),
                Email.of(email),
                name,
                Rows.role(role),
                Optional.ofNullable(organizationId).map(OrganizationId::new),
                active,
                Rows.language(language));
    }
}
