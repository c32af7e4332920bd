package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** The ticket's escalation was lifted. */
public record TicketDeescalated(TenantId tenant, TicketId ticket, Author by, Instant at, String reason)
        implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.TICKET_DEESCALATED;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("escalation_reason", reason, null));
    }
}
