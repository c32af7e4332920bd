package org.supportdesk.application.conversation;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.Via;

/** Staff add a note only staff can read. */
public final class AddInternalNote {
    public record Command(StaffActor actor, TicketRef ticket, Body body, Via via, Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    private final TicketChanges changes;

    public AddInternalNote(TicketChanges changes) {
        this.changes = changes;
    }

    public ReplyToTicket.Posted handle(Command command) {
        var posted = changes.changeWithResult(
                command.actor(),
                command.ticket(),
                command.expectedVersion(),
                (ticket, context) -> ticket.addInternalNote(command.body(), command.via(), context));
        return new ReplyToTicket.Posted(posted.result(), posted.ticket());
    }
}
