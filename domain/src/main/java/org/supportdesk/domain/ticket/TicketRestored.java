package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** An admin restored a soft-deleted ticket. */
public record TicketRestored(TenantId tenant, TicketId ticket, Author by, Instant at) implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.TICKET_RESTORED;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of();
    }
}
