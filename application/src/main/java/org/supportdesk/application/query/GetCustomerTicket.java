package org.supportdesk.application.query;

import java.util.Objects;
import org.supportdesk.application.work.CustomerViews;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.visibility.CustomerTicketView;

/** A customer reads one of their tickets, as the customer projection with the messages they may see (§9). */
public final class GetCustomerTicket {
    public record Command(CustomerActor actor, TicketRef ticket) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    private final TicketReader reader;
    private final CustomerViews views;
    private final TransactionRunner transactions;

    public GetCustomerTicket(TicketRepository tickets, CustomerViews views, TransactionRunner transactions) {
        this.reader = new TicketReader(tickets);
        this.views = views;
        this.transactions = transactions;
    }

    public CustomerTicketView handle(Command command) {
        return transactions.inTransaction(
                command.actor().tenant(),
                () -> views.of(command.actor(), reader.visibleTo(command.actor(), command.ticket())));
    }
}
