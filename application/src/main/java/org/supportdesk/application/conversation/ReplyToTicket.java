package org.supportdesk.application.conversation;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.StaffActor;
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
            Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    /** The message as posted and the ticket as the post left it (its version is the answer's ETag). */
    public record Posted(Message message, TicketState ticket) {}

    private final TicketChanges changes;
    private final TenantConfiguration configuration;

    public ReplyToTicket(TicketChanges changes, TenantConfiguration configuration) {
        this.changes = changes;
        this.configuration = configuration;
    }

    public Posted handle(Command command) {
        var posted = changes.changeWithResult(
                command.actor(), command.ticket(), command.expectedVersion(), (ticket, context) -> {
                    var reopenWindow =
                            configuration.settings(command.actor().tenant()).reopenWindow();
                    return ticket.reply(command.body(), command.via(), command.resolution(), reopenWindow, context);
                });
        return new Posted(posted.result(), posted.ticket());
    }
}
