package org.supportdesk.application.query;

import java.util.List;
import java.util.Objects;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.CustomerMessageView;
import org.supportdesk.domain.visibility.TicketAccess;

/** A customer pages through the messages of their ticket they may see (§9). */
public final class ListCustomerMessages {
    public record Command(CustomerActor actor, TicketRef ticket, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(page, "page");
        }
    }

    private final TicketReader reader;
    private final TicketRepository tickets;
    private final TransactionRunner transactions;
    private final Attachments attachments;

    public ListCustomerMessages(TicketRepository tickets, TransactionRunner transactions, Attachments attachments) {
        this.reader = new TicketReader(tickets);
        this.tickets = tickets;
        this.transactions = transactions;
        this.attachments = attachments;
    }

    public Page<CustomerMessageView> handle(Command command) {
        return transactions.inTransaction(command.actor().tenant(), () -> {
            TicketState ticket = reader.visibleTo(command.actor(), command.ticket());
            List<Attachment> files = attachments.ofTicket(ticket.tenant(), ticket.id());
            return Pages.slice(
                            TicketAccess.visibleMessages(
                                    command.actor(), tickets.messagesOf(ticket.tenant(), ticket.id())),
                            command.page())
                    .map(m -> TicketAccess.customerView(m, files));
        });
    }
}
