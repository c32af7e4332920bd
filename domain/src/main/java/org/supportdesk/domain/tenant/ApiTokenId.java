package org.supportdesk.domain.tenant;

import java.util.Objects;
import java.util.UUID;

/** An integration API token of a tenant. */
public record ApiTokenId(UUID value) {
    public ApiTokenId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
