package org.supportdesk.adapter.http.probe;

import org.supportdesk.application.ticket.EscalateTicket;

/** An adapter class that builds a use case itself instead of taking it from the composition. Never used. */
public final class HandWiredEndpoint {
    public EscalateTicket escalateTicket() {
        return new EscalateTicket(null);
    }
}
