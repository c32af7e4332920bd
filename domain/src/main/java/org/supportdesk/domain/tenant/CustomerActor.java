package org.supportdesk.domain.tenant;

import java.util.Objects;
import java.util.Optional;

/**
 * A customer acting for themselves; {@code seesOrganizationTickets} is true when their organisation shares tickets.
 */
public record CustomerActor(
        TenantId tenant, UserId id, String name, Optional<OrganizationId> organization, boolean seesOrganizationTickets)
        implements Actor {
    public CustomerActor {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organization, "organization");
        if (seesOrganizationTickets && organization.isEmpty()) {
            throw new IllegalArgumentException("only a member of an organisation can see its tickets");
        }
    }

    /** The actor for a customer person, given their organisation as it is now. */
    public static CustomerActor of(Person customer, Optional<Organization> organization) {
        if (customer.role() != Role.CUSTOMER) {
            throw new IllegalArgumentException("not a customer: " + customer.id());
        }
        return new CustomerActor(
                customer.tenant(),
                customer.id(),
                customer.name(),
                customer.organization(),
                organization.map(Organization::sharedTickets).orElse(false));
    }

    @Override
    public ActorKind kind() {
        return ActorKind.CUSTOMER;
    }

    @Override
    public Author asAuthor() {
        return Author.person(id, name, Role.CUSTOMER);
    }
}
