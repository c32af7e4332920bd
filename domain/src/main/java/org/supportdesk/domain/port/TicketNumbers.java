package org.supportdesk.domain.port;

import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketNumber;

/** The per-tenant ticket number sequence (§17 Values). */
public interface TicketNumbers {
    /**
     * The next number of {@code tenant} for a ticket filed in {@code year}. The sequence counts per tenant across
     * years, never resets and never hands out the same number twice, even to concurrent callers; a number taken by a
     * rolled-back filing may be lost (a gap), never reused.
     */
    TicketNumber next(TenantId tenant, int year);
}
