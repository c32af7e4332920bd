package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Staff split messages off a ticket into a new one (§16): recorded on both, the ticket they left naming where they went
 * ({@code split_to}) and the new ticket naming where they came from ({@code split_from}), with the messages moved.
 */
public record TicketSplit(
        TenantId tenant, TicketId ticket, Author by, Instant at, Side side, TicketId other, List<MessageId> messages)
        implements TicketEvent {

    /** Which ticket of the split this event is recorded on. */
    public enum Side {
        /** The ticket the messages left. */
        SOURCE("split_to"),
        /** The new ticket they went to. */
        SPLIT_OFF("split_from");

        private final String field;

        Side(String field) {
            this.field = field;
        }
    }

    public TicketSplit {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(other, "other");
        messages = List.copyOf(messages);
    }

    @Override
    public JournalAction action() {
        return JournalAction.TICKET_SPLIT;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(
                new FieldChange(side.field, Optional.empty(), Optional.of(other.toString())),
                new FieldChange(
                        "messages",
                        Optional.empty(),
                        Optional.of(messages.stream().map(MessageId::toString).collect(Collectors.joining(",")))));
    }
}
