package org.supportdesk.application.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.AuditLogFilter;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * Admins read the audit log (§10): every change staff and admins made, from the journal, newest first, filtered by
 * actor, action, target and time. A target may be named by a ticket's number as well as by any record's id.
 */
public final class ShowAuditLog {
    /**
     * {@code ticketNumber} names the target by a ticket's number instead of the filter's id: it is looked up among the
     * tenant's tickets, deleted ones included, and a number no ticket has finds no entries.
     */
    public record Command(
            StaffActor actor, AuditLogFilter filter, Optional<TicketNumber> ticketNumber, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(ticketNumber, "ticketNumber");
            Objects.requireNonNull(page, "page");
            if (ticketNumber.isPresent() && filter.target().isPresent()) {
                throw new IllegalArgumentException("a target is named once");
            }
        }
    }

    private final Journal journal;
    private final TicketRepository tickets;
    private final TransactionRunner transactions;

    public ShowAuditLog(Journal journal, TicketRepository tickets, TransactionRunner transactions) {
        this.journal = journal;
        this.tickets = tickets;
        this.transactions = transactions;
    }

    public Page<JournalEntry> handle(Command command) {
        if (!command.actor().isAdmin()) {
            throw new Forbidden("only admins read the audit log");
        }
        var tenant = command.actor().tenant();
        return transactions.inTransaction(tenant, () -> {
            Optional<AuditLogFilter> filter = command.ticketNumber()
                    .map(number -> tickets.findIncludingDeleted(tenant, number).map(ticket -> command.filter()
                            .withTarget(ticket.id().value())))
                    .orElse(Optional.of(command.filter()));
            return filter.map(f -> journal.staffEntries(tenant, f, command.page()))
                    .orElseGet(() -> new Page<>(
                            List.of(), command.page().page(), command.page().limit(), 0));
        });
    }
}
