package org.supportdesk.domain.problem;

/** A change that clashes with the state of the tenant: an address already taken, a category still in use. */
public final class Conflict extends DomainException {
    public Conflict(String detail) {
        super(ProblemCode.CONFLICT, detail);
    }
}
