package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
    private final TenantScope scope;
    private final InstantSource clock;

    JdbiPeople(TenantScope scope, InstantSource clock) {
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public Optional<Person> person(TenantId tenant, UserId id) {
        return dao(tenant).person(tenant.value(), id.value()).map(PersonRow::toDomain);
    }

    @Override
    public Optional<Caller> caller(TenantId tenant, UserId id) {
        return scope.readOnItsOwn(tenant, CallerDao.class, dao -> dao.caller(tenant.value(), id.value()))
                .map(CallerRow::toDomain);
    }

    @Override
    public void lockActiveAdmins(TenantId tenant) {
        changes(tenant).lockActiveAdmins(tenant.value());
    }

    @Override
    public Optional<Person> personByEmail(TenantId tenant, Email email) {
        return dao(tenant).personByEmail(tenant.value(), email.value()).map(PersonRow::toDomain);
    }

    @Override
    public Optional<Organization> organization(TenantId tenant, OrganizationId id) {
        return organizationDao(tenant).organization(tenant.value(), id.value()).map(OrganizationRow::toDomain);
    }

    @Override
    public void add(Person person) {
        addWithPassword(person, Optional.empty());
    }

    /** Adds a person who signs in with a password, stored only as the given hash. */
    public void addWithPassword(Person person, Optional<String> passwordHash) {
        changes(person.tenant()).insert(PersonRow.from(person), passwordHash.orElse(null), now());
    }

    @Override
    public void update(Person person) {
        if (changes(person.tenant()).update(PersonRow.from(person)) != 1) {
            throw new IllegalArgumentException("no person " + person.id() + " with that address in " + person.tenant());
        }
    }

    @Override
    public Page<Person> list(TenantId tenant, Set<Role> roles, PageRequest page) {
        String[] wireRoles = roles.stream().map(Role::wireName).toArray(String[]::new);
        return CountedRow.page(
                dao(tenant).list(tenant.value(), wireRoles, page.limit(), page.offset()),
                PersonRow::toDomain,
                page,
                () -> dao(tenant).count(tenant.value(), wireRoles));
    }

    @Override
    public void updateOrganization(Organization organization) {
        if (organizationDao(organization.tenant()).updateOrganization(OrganizationRow.from(organization)) != 1) {
            throw new IllegalArgumentException("no organisation " + organization.id() + " in " + organization.tenant());
        }
    }

    @Override
    public Page<Organization> organizations(TenantId tenant, PageRequest page) {
        long total = organizationDao(tenant).countOrganizations(tenant.value());
        List<Organization> items =
                organizationDao(tenant).organizations(tenant.value(), page.limit(), page.offset()).stream()
                        .map(OrganizationRow::toDomain)
                        .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), total);
    }

    @Override
    public void addOrganization(Organization organization) {
        organizationDao(organization.tenant()).insertOrganization(OrganizationRow.from(organization), now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private PeopleDao dao(TenantId tenant) {
        return scope.dao(tenant, PeopleDao.class);
    }

    private PersonChangesDao changes(TenantId tenant) {
        return scope.dao(tenant, PersonChangesDao.class);
    }

    private OrganizationDao organizationDao(TenantId tenant) {
        return scope.dao(tenant, OrganizationDao.class);
    }
}
