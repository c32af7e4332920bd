package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/** An admin soft-deletes a ticket: it vanishes from every read until restored. */
public final class DeleteTicket {
    public record Command(StaffActor actor, TicketRef ticket, Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    private final TicketChanges changes;

    public DeleteTicket(TicketChanges changes) {
        this.changes = changes;
    }

    public TicketState handle(Command command) {
        return changes.change(command.actor(), command.ticket(), command.expectedVersion(), (ticket, context) -> {
            TicketChanges.requireChanged(ticket.softDelete(context), ticket);
        });
    }
}
