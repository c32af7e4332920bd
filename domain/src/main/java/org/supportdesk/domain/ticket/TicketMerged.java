package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Staff merged a ticket into another, or took the merge back ({@code undone}), recorded on both (§16): the merged
 * ticket naming where it went ({@code merged_into}), the ticket it went into naming it ({@code merged_from}).
 */
public record TicketMerged(
        TenantId tenant, TicketId ticket, Author by, Instant at, Side side, TicketId other, boolean undone)
        implements TicketEvent {

    /** Which ticket of the merge this event is recorded on. */
    public enum Side {
        /** The ticket merged, which closes with a link. */
        SOURCE("merged_into"),
        /** The ticket it was merged into, whose conversation reads the other's messages. */
        TARGET("merged_from");

        private final String field;

        Side(String field) {
            this.field = field;
        }
    }

    public TicketMerged {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(other, "other");
    }

    @Override
    public JournalAction action() {
        return undone ? JournalAction.TICKET_UNMERGED : JournalAction.TICKET_MERGED;
    }

    @Override
    public List<FieldChange> changes() {
        Optional<String> link = Optional.of(other.toString());
        return List.of(
                undone
                        ? new FieldChange(side.field, link, Optional.empty())
                        : new FieldChange(side.field, Optional.empty(), link));
    }
}
