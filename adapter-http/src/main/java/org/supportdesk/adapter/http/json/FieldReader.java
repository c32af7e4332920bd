package org.supportdesk.adapter.http.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * Turns request values into domain values field by field, collecting every refusal so one 400 names all bad fields,
 * each under the name the client used.
 */
public final class FieldReader {
    private final List<FieldError> errors = new ArrayList<>();

    /** The value {@code read} builds, or empty after recording why it was refused. */
    public <T> Optional<T> read(String field, Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (ValidationFailed e) {
            e.errors().forEach(error -> errors.add(new FieldError(field, error.message())));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not valid"));
        }
        return Optional.empty();
    }

    /** Records that a required field is missing. */
    public <T> T required(String field, Optional<T> value) {
        if (value.isEmpty() && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldError(field, "is required"));
        }
        return value.orElse(null);
    }

    /** Throws the collected refusals, if any. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }
}
