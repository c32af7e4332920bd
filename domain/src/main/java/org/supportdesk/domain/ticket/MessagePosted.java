package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** A message joined the conversation. */
public record MessagePosted(
        TenantId tenant,
        TicketId ticket,
        Author by,
        Instant at,
        MessageId message,
        MessageKind kind,
        boolean customerVisible)
        implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.MESSAGE_POSTED;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(
                FieldChange.of("message_id", null, message),
                FieldChange.of("kind", null, kind.wireName()),
                FieldChange.of("customer_visible", null, customerVisible));
    }
}
