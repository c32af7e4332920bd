package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** No ticket the actor may see goes by that reference; said the same whether it is missing or hidden (§8). */
public final class TicketNotFound extends DomainException {
    public TicketNotFound(String reference) {
        super(ProblemCode.NOT_FOUND, "Ticket " + reference + " not found");
    }

    public TicketNotFound(TicketRef reference) {
        this(reference.toString());
    }
}
