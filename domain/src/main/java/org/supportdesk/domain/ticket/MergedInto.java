package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * That a ticket was merged into {@code ticket} at {@code at} (§16), and what the merge overwrote on it: its status and
 * when it last changed for staff and for its requester, so unmerging restores exactly the ticket it was.
 */
public record MergedInto(
        TicketId ticket,
        Instant at,
        TicketStatus statusBefore,
        Instant updatedAtBefore,
        Instant customerUpdatedAtBefore) {
    public MergedInto {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(statusBefore, "statusBefore");
        Objects.requireNonNull(updatedAtBefore, "updatedAtBefore");
        Objects.requireNonNull(customerUpdatedAtBefore, "customerUpdatedAtBefore");
        if (statusBefore == TicketStatus.CLOSED) {
            throw new IllegalArgumentException("a closed ticket is never merged");
        }
    }
}
