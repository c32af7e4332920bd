package org.supportdesk.domain.tenant;

import java.util.Objects;
import java.util.UUID;

/** One support organisation; every record belongs to exactly one. */
public record TenantId(UUID value) {
    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
