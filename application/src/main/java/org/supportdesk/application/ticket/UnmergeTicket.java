package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.application.work.RequesterNames;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.MergedInto;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Staff take a merge back (§16): the merged ticket is again exactly what it was before ({@link Ticket#unmerge}), the
 * target's conversation no longer reads its messages, and both journal it. One transaction, holding both tickets in
 * id order as {@link MergeTicket} does.
 */
public final class UnmergeTicket {
    public record Command(StaffActor actor, TicketRef ticket, Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    private final TicketChanges changes;
    private final TicketRepository tickets;
    private final RequesterNames requesterNames;

    public UnmergeTicket(TicketChanges changes, TicketRepository tickets, People people) {
        this.changes = changes;
        this.tickets = tickets;
        this.requesterNames = new RequesterNames(people);
    }

    /** Answers the ticket as it was before the merge, at its next version. */
    public ChangedTicket handle(Command command) {
        StaffActor actor = command.actor();
        var tenant = actor.tenant();
        return changes.inTransaction(actor, () -> {
            Ticket source = tickets.find(tenant, command.ticket()).orElseThrow(TicketNotFound::new);
            TicketId target = source.state()
                    .mergedInto()
                    .map(MergedInto::ticket)
                    .orElseThrow(() -> new Conflict("Ticket " + source.number() + " is not merged"));
            TicketHolds.inIdOrder(tickets, tenant, source.id(), target);
            TicketState restored = changes.changeWithResult(
                            actor, source.id(), command.expectedVersion(), (ticket, context) -> ticket.unmerge(context))
                    .ticket();
            changes.change(
                    actor, target, Optional.empty(), (ticket, context) -> ticket.releaseMerged(source.id(), context));
            return new ChangedTicket(restored, requesterNames.of(restored));
        });
    }
}
