package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** A change other than a status change on a closed ticket; closed is terminal (§4). */
public final class TicketClosed extends DomainException {
    public TicketClosed(TicketNumber number) {
        super(ProblemCode.TICKET_CLOSED, "Ticket " + number + " is closed; file a follow-up ticket instead");
    }
}
