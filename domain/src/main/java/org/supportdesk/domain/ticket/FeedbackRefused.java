package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/**
 * Feedback the ticket's state does not allow: it is not resolved or closed yet, or it was rated already. Both are
 * {@code CONFLICT} (409): the request is well formed and the requester's own, but clashes with the ticket's state.
 * Neither is {@code INVALID_TRANSITION} (no status moves) nor {@code TICKET_CLOSED} (closed tickets may be rated).
 */
public final class FeedbackRefused extends DomainException {
    private FeedbackRefused(String detail) {
        super(ProblemCode.CONFLICT, detail);
    }

    static FeedbackRefused notYetResolved(TicketNumber number, TicketStatus status) {
        return new FeedbackRefused(
                "Ticket " + number + " is " + status.wireName() + "; feedback is given once it is resolved or closed");
    }

    static FeedbackRefused alreadyGiven(TicketNumber number) {
        return new FeedbackRefused("Ticket " + number + " has been rated already; feedback is given once");
    }
}
