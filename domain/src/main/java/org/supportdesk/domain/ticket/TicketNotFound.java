package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/**
 * No ticket the actor may see goes by that reference. Said the same whether it is missing or hidden (§8), and without
 * echoing the reference, so the answers for another tenant's ticket and for no ticket at all are identical.
 */
public final class TicketNotFound extends DomainException {
    public TicketNotFound() {
        super(ProblemCode.NOT_FOUND, "No such ticket");
    }
}
