package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.ticket.TicketState;

/** A ticket in a list, with the message count and latest message time as a customer sees them. */
public record TicketListItem(TicketState ticket, int customerVisibleMessages, Optional<Instant> lastCustomerVisibleAt) {
    public TicketListItem {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(lastCustomerVisibleAt, "lastCustomerVisibleAt");
    }
}
