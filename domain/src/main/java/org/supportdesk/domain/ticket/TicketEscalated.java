package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** The ticket was escalated, by staff or by an SLA breach. */
public record TicketEscalated(TenantId tenant, TicketId ticket, Author by, Instant at, String reason)
        implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.TICKET_ESCALATED;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("escalation_reason", null, reason));
    }
}
