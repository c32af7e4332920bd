package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** A change request that would change nothing; refused so the version and history stay untouched. */
public final class NoChanges extends DomainException {
    public NoChanges(TicketNumber number) {
        super(ProblemCode.NO_CHANGES, "The request changes nothing on ticket " + number);
    }
}
