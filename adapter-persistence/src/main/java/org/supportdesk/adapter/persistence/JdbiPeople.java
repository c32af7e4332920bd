package org.supportdesk.adapter.persistence;

import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** Customers, staff and organisations in PostgreSQL. */
public final class JdbiPeople implements People {
    private static final String SELECT_PERSON =
            "SELECT tenant_id, id, email, name, role, organization_id, active, created_at FROM users";

    private final Jdbi jdbi;
    private final InstantSource clock;

    public JdbiPeople(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<Person> person(TenantId tenant, UserId id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_PERSON + " WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(ConstructorMapper.of(PersonRow.class))
                .findOne()
                .map(PersonRow::toDomain));
    }

    @Override
    public Optional<Person> personByEmail(TenantId tenant, Email email) {
        return jdbi.withHandle(
                handle -> handle.createQuery(SELECT_PERSON + " WHERE tenant_id = :tenant AND email = :email")
                        .bind("tenant", tenant.value())
                        .bind("email", email.value())
                        .map(ConstructorMapper.of(PersonRow.class))
                        .findOne()
                        .map(PersonRow::toDomain));
    }

    @Override
    public Optional<Organization> organization(TenantId tenant, OrganizationId id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT name, shared_tickets FROM organizations WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map((rs, ctx) -> new Organization(id, tenant, rs.getString("name"), rs.getBoolean("shared_tickets")))
                .findOne());
    }

    @Override
    public void add(Person person) {
        addWithPassword(person, Optional.empty());
    }

    /** Adds a person who signs in with a password, stored only as the given hash. */
    public void addWithPassword(Person person, Optional<String> passwordHash) {
        PersonRow row = PersonRow.from(person, clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbi.useHandle(handle -> handle.createUpdate(
                        """
                        INSERT INTO users (tenant_id, id, email, name, role, organization_id, password_hash, active,
                            created_at)
                        VALUES (:tenantId, :id, :email, :name, :role, :organizationId, :passwordHash, :active,
                            :createdAt)
                        """)
                .bindMethods(row)
                .bind("passwordHash", passwordHash.orElse(null))
                .execute());
    }

    @Override
    public void update(Person person) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate(
                        """
                        UPDATE users SET name = :name, role = :role, active = :active
                         WHERE tenant_id = :tenant AND id = :id AND email = :email
                        """)
                .bind("name", person.name())
                .bind("role", person.role().wireName())
                .bind("active", person.active())
                .bind("tenant", person.tenant().value())
                .bind("id", person.id().value())
                .bind("email", person.email().value())
                .execute());
        if (updated != 1) {
            throw new IllegalArgumentException("no person " + person.id() + " with that address in " + person.tenant());
        }
    }

    @Override
    public Page<Person> list(TenantId tenant, Set<Role> roles, PageRequest page) {
        String[] wireRoles = roles.stream().map(Role::wireName).toArray(String[]::new);
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery(
                            "SELECT count(*) FROM users WHERE tenant_id = :tenant AND role = ANY(CAST(:roles AS text[]))")
                    .bind("tenant", tenant.value())
                    .bind("roles", wireRoles)
                    .mapTo(Long.class)
                    .one();
            List<Person> items = handle.createQuery(
                            SELECT_PERSON
                                    + """
                             WHERE tenant_id = :tenant AND role = ANY(CAST(:roles AS text[]))
                             ORDER BY email COLLATE "C"
                             LIMIT :limit OFFSET :offset
                            """)
                    .bind("tenant", tenant.value())
                    .bind("roles", wireRoles)
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(ConstructorMapper.of(PersonRow.class))
                    .map(PersonRow::toDomain)
                    .list();
            return new Page<>(items, page.page(), page.limit(), total);
        });
    }

    @Override
    public void updateOrganization(Organization organization) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate(
                        """
                        UPDATE organizations SET name = :name, shared_tickets = :shared
                         WHERE tenant_id = :tenant AND id = :id
                        """)
                .bind("name", organization.name())
                .bind("shared", organization.sharedTickets())
                .bind("tenant", organization.tenant().value())
                .bind("id", organization.id().value())
                .execute());
        if (updated != 1) {
            throw new IllegalArgumentException("no organisation " + organization.id() + " in " + organization.tenant());
        }
    }

    @Override
    public Page<Organization> organizations(TenantId tenant, PageRequest page) {
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM organizations WHERE tenant_id = :tenant")
                    .bind("tenant", tenant.value())
                    .mapTo(Long.class)
                    .one();
            // uuid order is byte order, which is the order of the ids' text: the in-memory store's tie-break.
            List<Organization> items = handle.createQuery(
                            """
                            SELECT id, name, shared_tickets FROM organizations WHERE tenant_id = :tenant
                             ORDER BY name COLLATE "C", id
                             LIMIT :limit OFFSET :offset
                            """)
                    .bind("tenant", tenant.value())
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map((rs, ctx) -> new Organization(
                            new OrganizationId(rs.getObject("id", UUID.class)),
                            tenant,
                            rs.getString("name"),
                            rs.getBoolean("shared_tickets")))
                    .list();
            return new Page<>(items, page.page(), page.limit(), total);
        });
    }

    @Override
    public void addOrganization(Organization organization) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        """
                        INSERT INTO organizations (tenant_id, id, name, shared_tickets, created_at)
                        VALUES (:tenant, :id, :name, :shared, :createdAt)
                        """)
                .bind("tenant", organization.tenant().value())
                .bind("id", organization.id().value())
                .bind("name", organization.name())
                .bind("shared", organization.sharedTickets())
                .bind("createdAt", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .execute());
    }
}
