package org.supportdesk.domain.problem;

import java.util.Objects;

/** One invalid input: the field as the caller named it, and what is wrong with it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
