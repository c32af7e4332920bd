package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** An SLA target was missed; {@code breachedAt} is when its used business time reached the target. */
public record SlaBreached(TenantId tenant, TicketId ticket, Author by, Instant at, SlaTarget target, Instant breachedAt)
        implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.SLA_BREACHED;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of(target.wireName() + "_breached_at", null, breachedAt));
    }
}
