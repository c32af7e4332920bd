package org.supportdesk.application.conversation;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.Via;

/** A customer or staff member posts a public reply; the lifecycle's implicit transitions follow from it (§4). */
public final class ReplyToTicket {
    public record Command(
            Actor actor, TicketRef ticket, Body body, Via via, boolean resolution, Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    /** The reply as posted and the ticket after it. */
    public record Posted(Message message, TicketState ticket) {
        /** The reply's id, for callers that read it back through a customer's view. */
        public MessageId messageId() {
            return message.id();
        }
    }

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
