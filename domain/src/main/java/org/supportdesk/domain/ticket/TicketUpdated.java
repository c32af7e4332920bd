package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** A plain field changed (§17 {@code ticket_updated}); values are the API's text forms, null where there is none. */
public record TicketUpdated(
        TenantId tenant, TicketId ticket, Author by, Instant at, TicketField field, String before, String after)
        implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.TICKET_UPDATED;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of(field.wireName(), before, after));
    }
}
