package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.application.work.RequesterNames;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Staff merge a ticket into another of the tenant (§16): the merged ticket closes with a link, and the target's
 * conversation reads its messages by reference; both journal the merge. Nothing moves, so {@link UnmergeTicket} can
 * take it back exactly. One transaction, holding both tickets first, in id order, so two merges of the same pair never
 * deadlock and the target cannot close between the check and the merge.
 */
public final class MergeTicket {
    public record Command(
            StaffActor actor,
            TicketRef ticket,
            TicketRef into,
            boolean confirmDifferentRequester,
            Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(into, "into");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    private final TicketChanges changes;
    private final TicketRepository tickets;
    private final RequesterNames requesterNames;

    public MergeTicket(TicketChanges changes, TicketRepository tickets, People people) {
        this.changes = changes;
        this.tickets = tickets;
        this.requesterNames = new RequesterNames(people);
    }

    /** Answers the merged ticket, closed with its link. */
    public ChangedTicket handle(Command command) {
        StaffActor actor = command.actor();
        var tenant = actor.tenant();
        return changes.inTransaction(actor, () -> {
            Ticket source = tickets.find(tenant, command.ticket()).orElseThrow(TicketNotFound::new);
            // Another tenant's ticket is no ticket at all here (row-level security hides it), so it reads as unknown.
            Ticket target = tickets.find(tenant, command.into())
                    .orElseThrow(() -> ValidationFailed.of("into", "no ticket " + command.into() + " to merge into"));
            TicketHolds.inIdOrder(tickets, tenant, source.id(), target.id());
            TicketState into = tickets.find(tenant, target.id()).orElseThrow().state();
            TicketState merged = changes.change(
                    actor,
                    source.id(),
                    command.expectedVersion(),
                    (ticket, context) -> ticket.mergeInto(into, command.confirmDifferentRequester(), context));
            changes.change(
                    actor, into.id(), Optional.empty(), (ticket, context) -> ticket.takeMerged(source.id(), context));
            return new ChangedTicket(merged, requesterNames.of(merged));
        });
    }
}
