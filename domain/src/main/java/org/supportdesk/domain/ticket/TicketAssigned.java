package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** The assignee changed; an empty side means unassigned. */
public record TicketAssigned(
        TenantId tenant, TicketId ticket, Author by, Instant at, Optional<UserId> from, Optional<UserId> to)
        implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.TICKET_ASSIGNED;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("assignee_id", from.orElse(null), to.orElse(null)));
    }
}
