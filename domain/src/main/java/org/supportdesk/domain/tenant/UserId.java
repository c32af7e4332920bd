package org.supportdesk.domain.tenant;

import java.util.Objects;
import java.util.UUID;

/** A person of a tenant: customer, agent or admin. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
