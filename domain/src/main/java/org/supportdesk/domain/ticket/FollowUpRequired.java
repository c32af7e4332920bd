package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** A customer reply on a resolved ticket after the reopen window: a follow-up ticket is the way on (§17). */
public final class FollowUpRequired extends DomainException {
    private final TicketId ticket;

    public FollowUpRequired(TicketId ticket, TicketNumber number) {
        super(
                ProblemCode.FOLLOW_UP_REQUIRED,
                "Ticket " + number + " was resolved too long ago to reopen; file a new ticket with follow_up_of "
                        + ticket);
        this.ticket = ticket;
    }

    /** The ticket a follow-up should name. */
    public TicketId ticket() {
        return ticket;
    }
}
