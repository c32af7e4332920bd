package org.supportdesk.domain.problem;

/** The actor is known but their role may not do this (never used to hide existence: that is "not found"). */
public final class Forbidden extends DomainException {
    public Forbidden(String detail) {
        super(ProblemCode.FORBIDDEN, detail);
    }
}
