package org.supportdesk.application.work;

import java.util.Objects;
import org.supportdesk.domain.ticket.TicketState;

/**
 * A ticket as a staff change left it, with its requester's display name, both read in the change's own transaction:
 * what the desk answers after a write, with the version the write produced (§16 ETag), without reading it again.
 */
public record ChangedTicket(TicketState ticket, String requesterName) {
    public ChangedTicket {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(requesterName, "requesterName");
    }
}
