package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** The ticket moved along the lifecycle; {@code reason} is empty when none was given. */
public record StatusChanged(
        TenantId tenant,
        TicketId ticket,
        Author by,
        Instant at,
        TicketStatus from,
        TicketStatus to,
        Trigger trigger,
        Optional<String> reason)
        implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.STATUS_CHANGED;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("status", from.wireName(), to.wireName()));
    }
}
