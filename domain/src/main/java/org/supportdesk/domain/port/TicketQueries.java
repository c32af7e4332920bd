package org.supportdesk.domain.port;

import java.util.function.Consumer;
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

    /**
     * The figures of the live tickets of {@code tenant} that match {@code filter} and were created within
     * {@code window} (§10 stats), matched exactly as {@link #list} matches them, so each count equals the total of the
     * list for the same filter narrowed by {@link StatsWindow#narrow}. Staff figures: the filter is never a
     * customer's.
     */
    TicketStats stats(TenantId tenant, TicketFilter filter, StatsWindow window);

    /**
     * Hands every live ticket of {@code tenant} that matches {@code filter} to {@code rows}, one at a time in
     * {@code sort} order (ties by id), as {@link #list} would page through them (§10 export). A store reads them as it
     * goes and never holds them all: an export of any size runs in constant memory, inside the caller's transaction,
     * and {@code rows} is called on the caller's thread before this returns. Staff rows: the filter is never a
     * customer's.
     */
    void export(TenantId tenant, TicketFilter filter, TicketSort sort, Consumer<TicketExportRow> rows);
}
