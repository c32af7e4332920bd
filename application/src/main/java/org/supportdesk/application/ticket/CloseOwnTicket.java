package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/** The requester closes their open ticket ("no longer needed") or confirms a resolved one (§4). */
public final class CloseOwnTicket {
    public record Command(
            CustomerActor actor, TicketRef ticket, Optional<String> reason, Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    private final TicketChanges changes;

    public CloseOwnTicket(TicketChanges changes) {
        this.changes = changes;
    }

    public TicketState handle(Command command) {
        return changes.change(command.actor(), command.ticket(), command.expectedVersion(), (ticket, context) -> {
            ticket.closeAsCustomer(command.reason(), context);
        });
    }
}
