package org.supportdesk.application.query;

import java.util.List;
import java.util.Objects;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/** Staff page through a ticket's whole conversation, oldest first (§17 Lists), each message with its files. */
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
    private final Attachments attachments;

    public ListMessages(TicketRepository tickets, TransactionRunner transactions, Attachments attachments) {
        this.reader = new TicketReader(tickets);
        this.tickets = tickets;
        this.transactions = transactions;
        this.attachments = attachments;
    }

    /** A message and the files posted with it. */
    public record Posted(Message message, List<Attachment> attachments) {
        public Posted {
            attachments = List.copyOf(attachments);
        }
    }

    public Page<Posted> handle(Command command) {
        return transactions.inTransaction(command.actor().tenant(), () -> {
            TicketState ticket = reader.visibleTo(command.actor(), command.ticket());
            List<Attachment> files = attachments.ofTicket(ticket.tenant(), ticket.id());
            return Pages.slice(tickets.messagesOf(ticket.tenant(), ticket.id()), command.page())
                    .map(m -> new Posted(
                            m, files.stream().filter(a -> a.belongsTo(m.id())).toList()));
        });
    }
}
