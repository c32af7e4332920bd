package org.supportdesk.application.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.Conversations;
import org.supportdesk.application.work.Conversations.Conversation;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.ReceivedMails;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Staff page through a ticket's whole conversation, oldest first (§17 Lists), each message with its files and, when it
 * arrived by mail, the rule that placed it (§16).
 */
public final class ListMessages {
    public record Command(StaffActor actor, TicketRef ticket, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(page, "page");
        }
    }

    private final TicketReader reader;
    private final Conversations conversations;
    private final TransactionRunner transactions;
    private final ReceivedMails receivedMails;

    public ListMessages(
            TicketRepository tickets,
            TransactionRunner transactions,
            Attachments attachments,
            ReceivedMails receivedMails) {
        this.reader = new TicketReader(tickets);
        this.conversations = new Conversations(tickets, attachments);
        this.transactions = transactions;
        this.receivedMails = receivedMails;
    }

    /** A message, the files posted with it, and the rule that placed it when it arrived by mail. */
    public record Posted(Message message, List<Attachment> attachments, Optional<MailRule> emailRule) {
        public Posted {
            attachments = List.copyOf(attachments);
            Objects.requireNonNull(emailRule, "emailRule");
        }
    }

    public Page<Posted> handle(Command command) {
        return transactions.inTransaction(command.actor().tenant(), () -> {
            TicketState ticket = reader.visibleTo(command.actor(), command.ticket());
            Conversation conversation = conversations.of(command.actor(), ticket);
            Map<MessageId, MailRule> rules = receivedMails.rulesOf(ticket.tenant(), ticket.id());
            return Pages.slice(conversation.messages(), command.page())
                    .map(m -> new Posted(
                            m,
                            conversation.attachments().stream()
                                    .filter(a -> a.belongsTo(m.id()))
                                    .toList(),
                            Optional.ofNullable(rules.get(m.id()))));
        });
    }
}
