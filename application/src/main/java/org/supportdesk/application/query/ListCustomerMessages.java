package org.supportdesk.application.query;

import java.util.Objects;
import org.supportdesk.application.work.Conversations;
import org.supportdesk.application.work.Conversations.Conversation;
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
    private final Conversations conversations;
    private final TransactionRunner transactions;

    public ListCustomerMessages(TicketRepository tickets, TransactionRunner transactions, Attachments attachments) {
        this.reader = new TicketReader(tickets);
        this.conversations = new Conversations(tickets, attachments);
        this.transactions = transactions;
    }

    public Page<CustomerMessageView> handle(Command command) {
        return transactions.inTransaction(command.actor().tenant(), () -> {
            TicketState ticket = reader.visibleTo(command.actor(), command.ticket());
            Conversation conversation = conversations.of(command.actor(), ticket);
            return Pages.slice(TicketAccess.visibleMessages(command.actor(), conversation.messages()), command.page())
                    .map(m -> TicketAccess.customerView(m, conversation.attachments()));
        });
    }
}
