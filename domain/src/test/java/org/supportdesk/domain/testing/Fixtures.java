package org.supportdesk.domain.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.SystemActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * Tenants, people, organisations and actors for tests. Ids are derived from the tenant and the name, so the same call
 * always gives the same person and two names in one tenant give two people.
 */
public final class Fixtures {
    /** The tenant most tests work in. */
    public static final TenantId TENANT = tenant("acme-support");
    /** A second tenant, for isolation tests. */
    public static final TenantId OTHER_TENANT = tenant("globex-support");

    private Fixtures() {}

    public static TenantId tenant(String slug) {
        return new TenantId(nameUuid("tenant", slug));
    }

    public static Person customer(TenantId tenant) {
        return customer(tenant, "Carla Customer");
    }

    public static Person customer(TenantId tenant, String name) {
        return person(tenant, name, Role.CUSTOMER, Optional.empty(), true);
    }

    /** A customer who belongs to {@code organization}. */
    public static Person member(Organization organization, String name) {
        return person(organization.tenant(), name, Role.CUSTOMER, Optional.of(organization.id()), true);
    }

    public static Person agent(TenantId tenant) {
        return agent(tenant, "Alex Agent");
    }

    public static Person agent(TenantId tenant, String name) {
        return person(tenant, name, Role.AGENT, Optional.empty(), true);
    }

    /** An agent who can no longer sign in or be assigned. */
    public static Person deactivatedAgent(TenantId tenant, String name) {
        return person(tenant, name, Role.AGENT, Optional.empty(), false);
    }

    public static Person admin(TenantId tenant) {
        return admin(tenant, "Ada Admin");
    }

    public static Person admin(TenantId tenant, String name) {
        return person(tenant, name, Role.ADMIN, Optional.empty(), true);
    }

    public static Organization organization(TenantId tenant, boolean sharedTickets) {
        return organization(tenant, sharedTickets ? "Shared Ltd" : "Private Ltd", sharedTickets);
    }

    public static Organization organization(TenantId tenant, String name, boolean sharedTickets) {
        return new Organization(
                new OrganizationId(nameUuid("organization", tenant + "/" + name)), tenant, name, sharedTickets);
    }

    public static Person person(
            TenantId tenant, String name, Role role, Optional<OrganizationId> organization, boolean active) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
        return new Person(
                new UserId(nameUuid("person", tenant + "/" + name)),
                tenant,
                Email.of(local + "@example.com"),
                name,
                role,
                organization,
                active);
    }

    /** The actor of a customer without an organisation. */
    public static CustomerActor asCustomer(Person customer) {
        return CustomerActor.of(customer, Optional.empty());
    }

    /** The actor of a customer of {@code organization}; they see its tickets when it shares them. */
    public static CustomerActor asCustomer(Person customer, Organization organization) {
        return CustomerActor.of(customer, Optional.of(organization));
    }

    public static StaffActor asStaff(Person staff) {
        return StaffActor.of(staff);
    }

    public static SystemActor system(TenantId tenant) {
        return new SystemActor(tenant);
    }

    private static UUID nameUuid(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
