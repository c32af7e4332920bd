package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** Something that happened to a ticket, returned by the aggregate and recorded in the journal. */
public sealed interface TicketEvent
        permits TicketFiled,
                StatusChanged,
                TicketAssigned,
                TicketUpdated,
                MessagePosted,
                TicketEscalated,
                TicketDeescalated,
                TicketDeleted,
                TicketRestored,
                TicketSplit,
                TicketMerged,
                SlaBreached,
                FeedbackGiven {
    TenantId tenant();

    TicketId ticket();

    Author by();

    Instant at();

    /** The event's name in the journal vocabulary. */
    JournalAction action();

    /** The fields the event changed, before and after. */
    List<FieldChange> changes();

    /** The event as the journal records it. */
    default JournalEntry toJournalEntry(UUID entryId, String correlationId) {
        return new JournalEntry(
                entryId, tenant(), by(), action(), TargetKind.TICKET, ticket().value(), changes(), correlationId, at());
    }
}
