package org.supportdesk.application.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Staff's whole view of a ticket: every field, the requester's name, the whole conversation in order, and every file
 * linked to it (filed with it, or posted with one of its messages), and for each message that arrived by mail the rule
 * that placed it (§16).
 */
public record TicketDetail(
        TicketState ticket,
        String requesterName,
        List<Message> messages,
        List<Attachment> attachments,
        Map<MessageId, MailRule> emailRules) {
    public TicketDetail {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(requesterName, "requesterName");
        messages = List.copyOf(messages);
        attachments = List.copyOf(attachments);
        emailRules = Map.copyOf(emailRules);
    }
}
