package org.supportdesk.domain.problem;

/** Something of the tenant that does not exist, or that the actor may not know exists (§8): always 404. */
public final class NotFound extends DomainException {
    public NotFound(String detail) {
        super(ProblemCode.NOT_FOUND, detail);
    }
}
