package org.supportdesk.domain.port;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** The customers, staff and organisations of each tenant. Every lookup is scoped to the tenant it names. */
public interface People {
    /** The person with that id in {@code tenant}, active or not; empty for another tenant's person. */
    Optional<Person> person(TenantId tenant, UserId id);

    /** A request's caller: the person, active or not, and the organisation a customer belongs to. */
    record Caller(Person person, Optional<Organization> organization) {
        public Caller {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(organization, "organization");
        }
    }

    /**
     * The person with that id in {@code tenant} as a request's caller; empty for another tenant's person. Unlike every
     * other method it needs no surrounding transaction: every request asks it before its unit of work, so a store
     * answers it on its own, in one round trip where it can (inside a transaction of {@code tenant}, in that one).
     *
     * @throws IllegalStateException inside a transaction of another tenant
     */
    Optional<Caller> caller(TenantId tenant, UserId id);

    /**
     * Holds the active admins of {@code tenant} against other writers until the surrounding transaction ends, so that
     * changes that take someone's admin rights away run one after the other and each sees who is still an admin.
     */
    void lockActiveAdmins(TenantId tenant);

    /** The person with that address in {@code tenant}; an address is unique within a tenant. */
    Optional<Person> personByEmail(TenantId tenant, Email email);

    /** The organisation with that id in {@code tenant}. */
    Optional<Organization> organization(TenantId tenant, OrganizationId id);

    /**
     * Adds a new person.
     *
     * @throws IllegalStateException when the tenant already has someone with that id or email address
     */
    void add(Person person);

    /**
     * Replaces a stored person (name, role, active) in the surrounding transaction; id, tenant and email stay.
     *
     * @throws IllegalArgumentException when {@code tenant} has no person with that id
     */
    void update(Person person);

    /**
     * One page of the people of {@code tenant} with one of {@code roles}, ordered by email address (as code points),
     * with the exact total.
     */
    Page<Person> list(TenantId tenant, Set<Role> roles, PageRequest page);

    /**
     * Adds an organisation.
     *
     * @throws IllegalStateException when the tenant already has one with that id
     */
    void addOrganization(Organization organization);

    /**
     * Replaces a stored organisation (name, shared tickets).
     *
     * @throws IllegalArgumentException when {@code tenant} has no organisation with that id
     */
    void updateOrganization(Organization organization);

    /** One page of the organisations of {@code tenant}, by name (as code points) then id, with the exact total. */
    Page<Organization> organizations(TenantId tenant, PageRequest page);
}
