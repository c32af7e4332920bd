package org.supportdesk.application.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.attachment.AttachmentLinks;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.Via;

/**
 * Staff post a public reply, perhaps marking the one that resolved the ticket; the lifecycle's implicit transitions
 * follow from it (§4: the first public reply answers the ticket). Customers reply through {@link ReplyAsCustomer}.
 */
public final class ReplyToTicket {
    public record Command(
            StaffActor actor,
            TicketRef ticket,
            Body body,
            Via via,
            boolean resolution,
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

        /** A reply without attachments. */
        public Command(
                StaffActor actor,
                TicketRef ticket,
                Body body,
                Via via,
                boolean resolution,
                Optional<Long> expectedVersion) {
            this(actor, ticket, body, via, resolution, expectedVersion, List.of());
        }
    }

    /**
     * The message as posted, the files posted with it, and the ticket as the post left it (its version is the
     * answer's ETag).
     */
    public record Posted(Message message, TicketState ticket, List<Attachment> attachments) {
        public Posted {
            attachments = List.copyOf(attachments);
        }
    }

    private final TicketChanges changes;
    private final TenantConfiguration configuration;
    private final AttachmentLinks links;

    public ReplyToTicket(TicketChanges changes, TenantConfiguration configuration, AttachmentLinks links) {
        this.changes = changes;
        this.configuration = configuration;
        this.links = links;
    }

    public Posted handle(Command command) {
        return changes.inTransaction(command.actor(), () -> {
            var claim = links.claim(command.actor(), command.attachments(), Optional.empty());
            var posted = changes.changeWithResult(
                    command.actor(), command.ticket(), command.expectedVersion(), (ticket, context) -> {
                        var reopenWindow =
                                configuration.settings(command.actor().tenant()).reopenWindow();
                        return ticket.reply(command.body(), command.via(), command.resolution(), reopenWindow, context);
                    });
            var linked = links.attach(
                    claim, posted.ticket().id(), Optional.of(posted.result().id()));
            return new Posted(posted.result(), posted.ticket(), linked);
        });
    }
}
