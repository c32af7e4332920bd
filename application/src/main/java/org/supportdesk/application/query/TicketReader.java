package org.supportdesk.application.query;

import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.TicketAccess;

/** Finds a ticket for reading, hiding the ones the actor may not see exactly as missing ones (§8). */
final class TicketReader {
    private final TicketRepository tickets;

    TicketReader(TicketRepository tickets) {
        this.tickets = tickets;
    }

    TicketState visibleTo(Actor actor, TicketRef ref) {
        return tickets.find(actor.tenant(), ref)
                .map(Ticket::state)
                .filter(t -> TicketAccess.canSee(actor, t))
                .orElseThrow(() -> new TicketNotFound());
    }
}
