package org.supportdesk.application.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.attachment.AttachmentLinks;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.Via;

/** Staff add a note only staff can read, and its files, which only staff can fetch. */
public final class AddInternalNote {
    public record Command(
            StaffActor actor,
            TicketRef ticket,
            Body body,
            Via via,
            Optional<Long> expectedVersion,
            List<AttachmentId> attachments) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
            attachments = List.copyOf(attachments);
        }

        /** A note without attachments. */
        public Command(StaffActor actor, TicketRef ticket, Body body, Via via, Optional<Long> expectedVersion) {
            this(actor, ticket, body, via, expectedVersion, List.of());
        }
    }

    private final TicketChanges changes;
    private final AttachmentLinks links;

    public AddInternalNote(TicketChanges changes, AttachmentLinks links) {
        this.changes = changes;
        this.links = links;
    }

    public ReplyToTicket.Posted handle(Command command) {
        return changes.inTransaction(command.actor(), () -> {
            var claim = links.claim(command.actor(), command.attachments(), Optional.empty());
            var posted = changes.changeWithResult(
                    command.actor(),
                    command.ticket(),
                    command.expectedVersion(),
                    (ticket, context) -> ticket.addInternalNote(command.body(), command.via(), context));
            var linked = links.attach(
                    claim, posted.ticket().id(), Optional.of(posted.result().id()));
            return new ReplyToTicket.Posted(posted.result(), posted.ticket(), linked);
        });
    }
}
