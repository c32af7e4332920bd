package org.supportdesk.application.query;

import java.util.Objects;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.CustomerTicketView;
import org.supportdesk.domain.visibility.TicketAccess;

/** A customer reads one of their tickets, as the customer projection with the messages they may see (§9). */
public final class GetCustomerTicket {
    public record Command(CustomerActor actor, TicketRef ticket) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    private final TicketReader reader;
    private final RequesterNames requesterNames;
    private final TicketRepository tickets;
    private final TransactionRunner transactions;

    public GetCustomerTicket(TicketRepository tickets, People people, TransactionRunner transactions) {
        this.reader = new TicketReader(tickets);
        this.requesterNames = new RequesterNames(people);
        this.tickets = tickets;
        this.transactions = transactions;
    }

    public CustomerTicketView handle(Command command) {
        return transactions.inTransaction(command.actor().tenant(), () -> {
            TicketState ticket = reader.visibleTo(command.actor(), command.ticket());
            return TicketAccess.customerView(
                    command.actor(),
                    ticket,
                    requesterNames.of(ticket),
                    tickets.messagesOf(ticket.tenant(), ticket.id()));
        });
    }
}
