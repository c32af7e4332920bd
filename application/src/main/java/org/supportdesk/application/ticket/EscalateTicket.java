package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.TicketRef;

/** Staff escalate a ticket with a reason. */
public final class EscalateTicket {
    public record Command(StaffActor actor, TicketRef ticket, String reason, Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    private final TicketChanges changes;

    public EscalateTicket(TicketChanges changes) {
        this.changes = changes;
    }

    public ChangedTicket handle(Command command) {
        return changes.changeForStaff(
                command.actor(), command.ticket(), command.expectedVersion(), (ticket, context) -> {
                    TicketChanges.requireChanged(ticket.escalate(command.reason(), context), ticket);
                });
    }
}
