package org.supportdesk.domain.port;

import java.util.Optional;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** The customers, staff and organisations of each tenant. Every lookup is scoped to the tenant it names. */
public interface People {
    /** The person with that id in {@code tenant}, active or not; empty for another tenant's person. */
    Optional<Person> person(TenantId tenant, UserId id);

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
}
