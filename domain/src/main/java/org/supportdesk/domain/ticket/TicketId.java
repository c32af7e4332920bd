package org.supportdesk.domain.ticket;

import java.util.Objects;
import java.util.UUID;

/** A ticket's permanent identity (a time-ordered UUID). */
public record TicketId(UUID value) implements TicketRef {
    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
