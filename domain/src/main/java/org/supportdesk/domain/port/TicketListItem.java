package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.ticket.TicketState;

/** A ticket in a list with its requester's name, and the message count and latest message time a customer sees. */
public record TicketListItem(
        TicketState ticket,
        String requesterName,
        int customerVisibleMessages,
        Optional<Instant> lastCustomerVisibleAt) {
    public TicketListItem {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(requesterName, "requesterName");
        Objects.requireNonNull(lastCustomerVisibleAt, "lastCustomerVisibleAt");
    }
}
