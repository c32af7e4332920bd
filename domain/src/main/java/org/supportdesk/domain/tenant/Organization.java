package org.supportdesk.domain.tenant;

import java.util.Objects;
import org.supportdesk.domain.problem.Validation;

/** A company that customers belong to; with {@code sharedTickets} members see each other's tickets. */
public record Organization(OrganizationId id, TenantId tenant, String name, boolean sharedTickets) {
    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        name = Validation.trimmed("name", name, 1, 200);
    }
}
