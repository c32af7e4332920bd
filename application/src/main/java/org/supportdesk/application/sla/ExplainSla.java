package org.supportdesk.application.sla;

import java.time.InstantSource;
import java.util.Objects;
import org.supportdesk.application.work.TicketSlaClocks;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.sla.SlaExplanation;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.visibility.TicketAccess;

/** Staff ask why a ticket is due when it is: each SLA clock with its minutes, state, due time and counted intervals. */
public final class ExplainSla {
    public record Command(StaffActor actor, TicketRef ticket) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    private final TicketRepository tickets;
    private final TicketSlaClocks clocks;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public ExplainSla(
            TicketRepository tickets, TicketSlaClocks clocks, TransactionRunner transactions, InstantSource clock) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.transactions = transactions;
        this.clock = clock;
    }

    public SlaExplanation handle(Command command) {
        return transactions.inTransaction(command.actor().tenant(), () -> {
            var ticket = tickets.find(command.actor().tenant(), command.ticket())
                    .map(Ticket::state)
                    .filter(t -> TicketAccess.canSee(command.actor(), t))
                    .orElseThrow(() -> new TicketNotFound());
            return clocks.explain(ticket, clock.instant());
        });
    }
}
