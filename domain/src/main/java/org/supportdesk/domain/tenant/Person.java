package org.supportdesk.domain.tenant;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.problem.Validation;

/** Someone of a tenant: a customer (maybe in an organisation) or staff; deactivated staff keep their history. */
public record Person(
        UserId id,
        TenantId tenant,
        Email email,
        String name,
        Role role,
        Optional<OrganizationId> organization,
        boolean active) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(email, "email");
        name = Validation.singleLine("name", Validation.trimmed("name", name, 1, 200));
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organization, "organization");
        if (role.isStaff() && organization.isPresent()) {
            throw new IllegalArgumentException("staff belong to no customer organisation");
        }
    }

    /** Whether this person can take a ticket: an active agent or admin. */
    public boolean isAssignable() {
        return active && role.isStaff();
    }
}
