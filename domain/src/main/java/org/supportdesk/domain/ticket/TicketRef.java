package org.supportdesk.domain.ticket;

import java.util.Optional;
import java.util.UUID;

/** How callers name a ticket: its id or its human number (§17: every path accepts either). */
public sealed interface TicketRef permits TicketId, TicketNumber {
    /** Reads a UUID or a {@code TKT-…} number; anything else names no ticket. */
    static Optional<TicketRef> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Optional<TicketRef> number = TicketNumber.parse(raw).map(n -> n);
        if (number.isPresent()) {
            return number;
        }
        try {
            return Optional.of(new TicketId(UUID.fromString(raw)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
