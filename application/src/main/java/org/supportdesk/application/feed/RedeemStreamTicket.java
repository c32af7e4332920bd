package org.supportdesk.application.feed;

import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.access.IdentifyActor;
import org.supportdesk.domain.port.StreamTickets;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Actor;

/**
 * Spends a stream ticket: the actor it was issued to, as they are now (deactivated or changed role: nobody), once and
 * before it expires; anything else, including a malformed ticket, is nobody.
 */
public final class RedeemStreamTicket {
    public record Command(String ticket) {
        public Command {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    private final StreamTickets tickets;
    private final IdentifyActor identify;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public RedeemStreamTicket(
            StreamTickets tickets, IdentifyActor identify, TransactionRunner transactions, InstantSource clock) {
        this.tickets = tickets;
        this.identify = identify;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Optional<Actor> handle(Command command) {
        Optional<StreamTicketCodec> parsed = StreamTicketCodec.parse(command.ticket());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        StreamTicketCodec ticket = parsed.get();
        return transactions
                .inTransaction(ticket.tenant(), () -> tickets.redeem(ticket.tenant(), ticket.digest(), clock.instant()))
                .flatMap(holder ->
                        identify.handle(new IdentifyActor.Command(ticket.tenant(), holder.person(), holder.role())));
    }
}
