package org.supportdesk.domain.problem;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a value rule; names every offending field. */
public final class ValidationFailed extends DomainException {
    private final List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super(ProblemCode.VALIDATION_FAILED, describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
