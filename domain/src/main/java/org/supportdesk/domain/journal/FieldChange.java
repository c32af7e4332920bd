package org.supportdesk.domain.journal;

import java.util.Objects;
import java.util.Optional;

/** One field's value before and after a change, as text; empty where the field had or has no value. */
public record FieldChange(String field, Optional<String> before, Optional<String> after) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public static FieldChange of(String field, Object before, Object after) {
        return new FieldChange(
                field,
                Optional.ofNullable(before).map(Object::toString),
                Optional.ofNullable(after).map(Object::toString));
    }
}
