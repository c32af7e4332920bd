package org.supportdesk.application.attachment;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.attachment.AttachmentLink;
import org.supportdesk.domain.attachment.AttachmentNotFound;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.AttachmentView;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * Someone fetches an attachment (§6): only if they may see what it is linked to (the ticket, and the message it was
 * posted with), or it is their own unlinked upload. Anything else is not found, exactly like a missing id (§8).
 */
public final class DownloadAttachment {
    public record Command(Actor actor, AttachmentId attachment) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(attachment, "attachment");
        }
    }

    /** What is served: the attachment as its reader may know it, and its bytes, to read and close. */
    public record Download(AttachmentView attachment, InputStream content) {
        public Download {
            Objects.requireNonNull(attachment, "attachment");
            Objects.requireNonNull(content, "content");
        }
    }

    private final Attachments attachments;
    private final AttachmentStore files;
    private final TicketRepository tickets;
    private final TransactionRunner transactions;

    public DownloadAttachment(
            Attachments attachments, AttachmentStore files, TicketRepository tickets, TransactionRunner transactions) {
        this.attachments = attachments;
        this.files = files;
        this.tickets = tickets;
        this.transactions = transactions;
    }

    public Download handle(Command command) {
        Actor actor = command.actor();
        return transactions.inTransaction(actor.tenant(), () -> {
            Attachment attachment = attachments
                    .find(actor.tenant(), command.attachment())
                    .filter(a -> mayFetch(actor, a))
                    .orElseThrow(AttachmentNotFound::new);
            InputStream content =
                    files.open(actor.tenant(), attachment.digest()).orElseThrow(AttachmentNotFound::new);
            return new Download(AttachmentView.of(attachment), content);
        });
    }

    private boolean mayFetch(Actor actor, Attachment attachment) {
        Optional<TicketState> ticket = attachment
                .link()
                .flatMap(link -> tickets.find(actor.tenant(), link.ticket()))
                .map(Ticket::state);
        Optional<Message> message = attachment
                .link()
                .flatMap(AttachmentLink::message)
                .flatMap(id -> ticket.flatMap(t -> tickets.messagesOf(t.tenant(), t.id()).stream()
                        .filter(m -> m.id().equals(id))
                        .findFirst()));
        return TicketAccess.canSee(actor, attachment, ticket, message);
    }
}
