package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
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
    private final PeopleDao dao;
    private final InstantSource clock;

    public JdbiPeople(Jdbi jdbi, InstantSource clock) {
        this.dao = jdbi.onDemand(PeopleDao.class);
        this.clock = clock;
    }

    @Override
    public Optional<Person> person(TenantId tenant, UserId id) {
        return dao.person(tenant.value(), id.value()).map(PersonRow::toDomain);
    }

    @Override
    public Optional<Person> personByEmail(TenantId tenant, Email email) {
        return dao.personByEmail(tenant.value(), email.value()).map(PersonRow::toDomain);
    }

    @Override
    public Optional<Organization> organization(TenantId tenant, OrganizationId id) {
        return dao.organization(tenant.value(), id.value()).map(OrganizationRow::toDomain);
    }

    @Override
    public void add(Person person) {
        addWithPassword(person, Optional.empty());
    }

    /** Adds a person who signs in with a password, stored only as the given hash. */
    public void addWithPassword(Person person, Optional<String> passwordHash) {
        dao.insert(PersonRow.from(person), passwordHash.orElse(null), now());
    }

    @Override
    public void update(Person person) {
        if (dao.update(PersonRow.from(person)) != 1) {
            throw new IllegalArgumentException("no person " + person.id() + " with that address in " + person.tenant());
        }
    }

    @Override
    public Page<Person> list(TenantId tenant, Set<Role> roles, PageRequest page) {
        String[] wireRoles = roles.stream().map(Role::wireName).toArray(String[]::new);
        long total = dao.count(tenant.value(), wireRoles);
        List<Person> items = dao.list(tenant.value(), wireRoles, page.limit(), page.offset()).stream()
                .map(PersonRow::toDomain)
                .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), total);
    }

    @Override
    public void updateOrganization(Organization organization) {
        if (dao.updateOrganization(OrganizationRow.from(organization)) != 1) {
            throw new IllegalArgumentException("no organisation " + organization.id() + " in " + organization.tenant());
        }
    }

    @Override
    public Page<Organization> organizations(TenantId tenant, PageRequest page) {
        long total = dao.countOrganizations(tenant.value());
        List<Organization> items = dao.organizations(tenant.value(), page.limit(), page.offset()).stream()
                .map(OrganizationRow::toDomain)
                .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), total);
    }

    @Override
    public void addOrganization(Organization organization) {
        dao.insertOrganization(OrganizationRow.from(organization), now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
