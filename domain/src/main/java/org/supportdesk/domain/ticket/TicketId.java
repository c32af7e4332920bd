package org.supportdesk.domain.ticket;

import java.util.Objects;
import java.util.UUID;

/** A ticket's permanent identity (a time-ordered UUID). */
public record TicketId(UUID value) implements TicketRef, Comparable<TicketId> {
    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    /** Creation order, as the stores sort ids. */
    @Override
    public int compareTo(TicketId other) {
        return UuidOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
