package org.supportdesk.application.query;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/** Staff read a ticket's status history and audit entries, a view of the journal (§10 history), oldest first. */
public final class TicketHistory {
    /** An empty {@code actions} set means every action. */
    public record Command(StaffActor actor, TicketRef ticket, Set<JournalAction> actions) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            actions = Set.copyOf(actions);
        }
    }

    private final TicketReader reader;
    private final Journal journal;
    private final TransactionRunner transactions;

    public TicketHistory(TicketRepository tickets, Journal journal, TransactionRunner transactions) {
        this.reader = new TicketReader(tickets);
        this.journal = journal;
        this.transactions = transactions;
    }

    public List<JournalEntry> handle(Command command) {
        return transactions.inTransaction(command.actor().tenant(), () -> {
            TicketState ticket = reader.visibleTo(command.actor(), command.ticket());
            return journal.entriesAbout(ticket.tenant(), ticket.id().value()).stream()
                    .filter(e ->
                            command.actions().isEmpty() || command.actions().contains(e.action()))
                    .collect(Collectors.toList());
        });
    }
}
