package org.supportdesk.application.query;

import java.util.List;
import java.util.Objects;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.TicketState;

/** Staff's whole view of a ticket: every field, the requester's name and the whole conversation in order. */
public record TicketDetail(TicketState ticket, String requesterName, List<Message> messages) {
    public TicketDetail {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(requesterName, "requesterName");
        messages = List.copyOf(messages);
    }
}
