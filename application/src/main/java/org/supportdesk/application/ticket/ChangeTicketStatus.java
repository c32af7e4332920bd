package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketStatus;

/** Staff move a ticket along the §4 lifecycle. */
public final class ChangeTicketStatus {
    public record Command(
            StaffActor actor,
            TicketRef ticket,
            TicketStatus to,
            Optional<String> reason,
            Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    private final TicketChanges changes;

    public ChangeTicketStatus(TicketChanges changes) {
        this.changes = changes;
    }

    public ChangedTicket handle(Command command) {
        return changes.changeForStaff(
                command.actor(), command.ticket(), command.expectedVersion(), (ticket, context) -> {
                    TicketChanges.requireChanged(ticket.changeStatus(command.to(), command.reason(), context), ticket);
                });
    }
}
