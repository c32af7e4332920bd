package org.supportdesk.adapter.http.portal.probe;

import org.supportdesk.adapter.persistence.probe.LeakyStore;
import org.supportdesk.domain.ticket.Ticket;

/** A portal class that sees the staff-side Ticket and another adapter. Never used. */
public final class LeakyPortal {
    public String render(Ticket ticket, LeakyStore store) {
        return ticket.id() + store.toString();
    }
}
