package org.supportdesk.domain.call;

import java.util.Objects;
import java.util.UUID;

/** A call-back request's permanent identity (a time-ordered UUID). */
public record CallId(UUID value) {
    public CallId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
