package org.supportdesk.application.ticket;

import java.util.stream.Stream;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/** Holds several tickets for one unit of work, always in id order, so two that hold the same pair never deadlock. */
final class TicketHolds {
    private TicketHolds() {}

    static void inIdOrder(TicketRepository tickets, TenantId tenant, TicketId... held) {
        Stream.of(held).sorted().distinct().forEach(ticket -> tickets.lock(tenant, ticket));
    }
}
