package org.supportdesk.application.work;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * A ticket's conversation as people read it (§16): its own messages and, by reference, those of the tickets merged
 * into it, in conversation order, with their files, read in one statement unless some ticket is merged into it. A
 * merged ticket's messages stay its own, so what changes a ticket (a split, a mail reply's threading) reads {@link
 * TicketRepository#messagesOf} instead. A customer reads a merged ticket's messages only if they may see that ticket
 * (§8): merging two requesters' tickets shows neither the other's.
 */
public final class Conversations {
    /** The messages, oldest first; the files filed with the ticket and those of the messages. */
    public record Conversation(List<Message> messages, List<Attachment> attachments) {
        public Conversation {
            messages = List.copyOf(messages);
            attachments = List.copyOf(attachments);
        }
    }

    private final TicketRepository tickets;
    private final Attachments attachments;

    public Conversations(TicketRepository tickets, Attachments attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
    }

    /** The conversation of {@code ticket}, which the caller checked {@code reader} may see. */
    public Conversation of(Actor reader, TicketState ticket) {
        List<Message> read = tickets.conversationOf(ticket.tenant(), ticket.id());
        List<Attachment> files = new ArrayList<>(attachments.ofTicket(ticket.tenant(), ticket.id()));
        if (read.stream().allMatch(message -> message.ticket().equals(ticket.id()))) {
            return new Conversation(read, files);
        }
        Set<TicketId> readable = new HashSet<>(Set.of(ticket.id()));
        for (TicketState merged : tickets.mergedInto(ticket.tenant(), ticket.id())) {
            if (TicketAccess.canSee(reader, merged)) {
                readable.add(merged.id());
                attachments.ofTicket(merged.tenant(), merged.id()).stream()
                        .filter(file -> !file.filedWithTicket())
                        .forEach(files::add);
            }
        }
        return new Conversation(
                read.stream()
                        .filter(message -> readable.contains(message.ticket()))
                        .toList(),
                files);
    }
}
