package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** A ticket was filed; it starts as {@code new}. */
public record TicketFiled(TenantId tenant, TicketId ticket, Author by, Instant at, Priority priority)
        implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.TICKET_FILED;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(
                FieldChange.of("status", null, TicketStatus.NEW.wireName()),
                FieldChange.of("priority", null, priority.wireName()));
    }
}
