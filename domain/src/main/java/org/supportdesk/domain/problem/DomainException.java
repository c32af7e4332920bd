package org.supportdesk.domain.problem;

import java.util.Objects;

/** A refusal by the core: a stable {@link ProblemCode} and an English detail for humans. */
public abstract class DomainException extends RuntimeException {
    private final ProblemCode code;

    protected DomainException(ProblemCode code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ProblemCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
