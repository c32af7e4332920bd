package org.supportdesk.application.testing;

import java.util.List;
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
 * A tenant and its cast: a customer in an
 * organisation that shares tickets, a colleague of theirs, a customer of no organisation, an agent, an admin and a
 * deactivated agent.
 */
public final class TenantFixture {
    public final String name;
    public final TenantId tenant;
    public final Organization organization;
    public final Person customer;
    public final Person colleague;
    public final Person otherCustomer;
    public final Person agent;
    public final Person admin;
    public final Person deactivatedAgent;

    /** The tenant {@code name} with its cast, not stored anywhere yet. */
    public TenantFixture(String name) {
        this.name = name;
        tenant = new TenantId(UUID.nameUUIDFromBytes(("tenant:" + name).getBytes()));
        organization = new Organization(new OrganizationId(id(name, "org")), tenant, "Acme " + name, true);
        customer = person(name, "carla", Role.CUSTOMER, Optional.of(organization.id()), true);
        colleague = person(name, "colin", Role.CUSTOMER, Optional.of(organization.id()), true);
        otherCustomer = person(name, "oscar", Role.CUSTOMER, Optional.empty(), true);
        agent = person(name, "agnes", Role.AGENT, Optional.empty(), true);
        admin = person(name, "adam", Role.ADMIN, Optional.empty(), true);
        deactivatedAgent = person(name, "dora", Role.AGENT, Optional.empty(), false);
    }

    /** Every person of the cast. */
    public List<Person> everyone() {
        return List.of(customer, colleague, otherCustomer, agent, admin, deactivatedAgent);
    }

    private Person person(String tenantName, String who, Role role, Optional<OrganizationId> org, boolean active) {
        return new Person(
                new UserId(id(tenantName, who)),
                tenant,
                Email.of(who + "@" + tenantName + ".example"),
                Character.toUpperCase(who.charAt(0)) + who.substring(1),
                role,
                org,
                active);
    }

    private static UUID id(String tenantName, String who) {
        return UUID.nameUUIDFromBytes((tenantName + ":" + who).getBytes());
    }

    public CustomerActor asCustomer(Person person) {
        return CustomerActor.of(person, person.organization().map(o -> organization));
    }

    public CustomerActor customerActor() {
        return asCustomer(customer);
    }

    public StaffActor agentActor() {
        return StaffActor.of(agent);
    }

    public StaffActor adminActor() {
        return StaffActor.of(admin);
    }

    public SystemActor system() {
        return new SystemActor(tenant);
    }
}
