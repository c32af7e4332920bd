package org.supportdesk.application.query;

import java.util.Objects;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/** Staff page through a ticket's whole conversation, oldest first (§17 Lists). */
public final class ListMessages {
    public record Command(StaffActor actor, TicketRef ticket, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(page, "page");
        }
    }

    private final TicketReader reader;
    private final TicketRepository tickets;
    private final TransactionRunner transactions;

    public ListMessages(TicketRepository tickets, TransactionRunner transactions) {
        this.reader = new TicketReader(tickets);
        this.tickets = tickets;
        this.transactions = transactions;
    }

    public Page<Message> handle(Command command) {
        return transactions.inTransaction(command.actor().tenant(), () -> {
            TicketState ticket = reader.visibleTo(command.actor(), command.ticket());
            return Pages.slice(tickets.messagesOf(ticket.tenant(), ticket.id()), command.page());
        });
    }
}
