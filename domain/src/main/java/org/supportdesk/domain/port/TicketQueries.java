package org.supportdesk.domain.port;

import org.supportdesk.domain.tenant.TenantId;

/** The read side of the desk and the portal (§10, §9): filtered, sorted, paginated ticket lists of one tenant. */
public interface TicketQueries {
    /**
     * One page of the live tickets of {@code tenant} that match {@code filter}, in {@code sort} order with the ticket
     * id as the last tie-break, and the exact number of matches. Soft-deleted tickets never appear. When the filter
     * {@link TicketFilter#customer() is for a customer}, only tickets that customer may see match and text search
     * never looks at messages they cannot see.
     */
    Page<TicketListItem> list(TenantId tenant, TicketFilter filter, TicketSort sort, PageRequest page);
}
