package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** The ticket changed since the caller read it (optimistic concurrency); re-read and try again. */
public final class StaleTicket extends DomainException {
    public StaleTicket(TicketId ticket, long expectedVersion) {
        super(
                ProblemCode.PRECONDITION_FAILED,
                "Ticket " + ticket + " is no longer at version " + expectedVersion + "; re-read it");
    }

    private StaleTicket(String detail) {
        super(ProblemCode.PRECONDITION_FAILED, detail);
    }

    /** For a customer, who knows the ticket by what it shows, never by its internal version. */
    public static StaleTicket forCustomer() {
        return new StaleTicket("The ticket changed since you read it; read it again");
    }

    /** Other writes kept overtaking a change made without a precondition; it may simply be tried again. */
    public static StaleTicket busy() {
        return new StaleTicket("The ticket is changing too fast to apply this now; try again");
    }
}
