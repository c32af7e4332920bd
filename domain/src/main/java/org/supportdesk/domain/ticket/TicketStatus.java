package org.supportdesk.domain.ticket;

import java.util.Locale;
import org.supportdesk.domain.problem.ValidationFailed;

/** Where a ticket stands in the §4 lifecycle. */
public enum TicketStatus {
    NEW,
    IN_PROGRESS,
    WAITING_ON_CUSTOMER,
    ON_HOLD,
    RESOLVED,
    CLOSED;

    /** §7: the resolution clock runs only while support owes the next move. */
    public boolean resolutionClockRuns() {
        return this == NEW || this == IN_PROGRESS;
    }

    /** Open for the portal's counts: neither resolved nor closed. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus parse(String raw) {
        for (TicketStatus s : values()) {
            if (s.wireName().equals(raw)) {
                return s;
            }
        }
        throw ValidationFailed.of(
                "status", "must be one of new, in_progress, waiting_on_customer, on_hold, resolved, closed");
    }
}
