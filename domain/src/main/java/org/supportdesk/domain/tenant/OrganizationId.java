package org.supportdesk.domain.tenant;

import java.util.Objects;
import java.util.UUID;

/** A customer organisation within a tenant. */
public record OrganizationId(UUID value) {
    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
