package org.supportdesk.domain.tenant;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.problem.Validation;

/**
 * Someone of a tenant: a customer (maybe in an organisation) or staff; deactivated staff keep their history.
 *
 * @param language what the mail we send them is written in
 */
public record Person(
        UserId id,
        TenantId tenant,
        Email email,
        String name,
        Role role,
        Optional<OrganizationId> organization,
        boolean active,
        Language language) {
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
        Objects.requireNonNull(language, "language");
    }

    /** Someone who reads the {@linkplain Language#DEFAULT default language}. */
    public Person(
            UserId id,
            TenantId tenant,
            Email email,
            String name,
            Role role,
            Optional<OrganizationId> organization,
            boolean active) {
        this(id, tenant, email, name, role, organization, active, Language.DEFAULT);
    }

    /** Whether this person can take a ticket: an active agent or admin. */
    public boolean isAssignable() {
        return active && role.isStaff();
    }
}
