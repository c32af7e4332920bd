package org.supportdesk.application.query;

import java.util.Objects;
import org.supportdesk.application.work.Conversations;
import org.supportdesk.application.work.Conversations.Conversation;
import org.supportdesk.application.work.RequesterNames;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.ReceivedMails;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/** Staff read a whole ticket with its conversation (§10). */
public final class GetTicket {
    public record Command(StaffActor actor, TicketRef ticket) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    private final TicketReader reader;
    private final RequesterNames requesterNames;
    private final Conversations conversations;
    private final TransactionRunner transactions;
    private final ReceivedMails receivedMails;

    public GetTicket(
            TicketRepository tickets,
            People people,
            TransactionRunner transactions,
            Attachments attachments,
            ReceivedMails receivedMails) {
        this.reader = new TicketReader(tickets);
        this.requesterNames = new RequesterNames(people);
        this.conversations = new Conversations(tickets, attachments);
        this.transactions = transactions;
        this.receivedMails = receivedMails;
    }

    public TicketDetail handle(Command command) {
        return transactions.inTransaction(command.actor().tenant(), () -> {
            TicketState ticket = reader.visibleTo(command.actor(), command.ticket());
            Conversation conversation = conversations.of(command.actor(), ticket);
            return new TicketDetail(
                    ticket,
                    requesterNames.of(ticket),
                    conversation.messages(),
                    conversation.attachments(),
                    receivedMails.rulesOf(ticket.tenant(), ticket.id()));
        });
    }
}
