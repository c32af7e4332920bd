package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.CustomerViews;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.CustomerTicketView;

/**
 * The requester closes their open ticket ("no longer needed") or confirms a resolved one (§4). With an expected
 * revision (the customer's {@code If-Match}) the close happens only if the ticket still looks exactly as they last saw
 * it, checked inside the close's own transaction; the answer is their view of the closed ticket, from that transaction.
 */
public final class CloseOwnTicket {
    /** @param expectedRevision the {@link CustomerTicketView#revision()} the customer last read, if they sent one */
    public record Command(
            CustomerActor actor, TicketRef ticket, Optional<String> reason, Optional<String> expectedRevision) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expectedRevision, "expectedRevision");
        }
    }

    private final TicketChanges changes;
    private final CustomerViews views;

    public CloseOwnTicket(TicketChanges changes, CustomerViews views) {
        this.changes = changes;
        this.views = views;
    }

    public CustomerTicketView handle(Command command) {
        CustomerActor customer = command.actor();
        return changes.inTransaction(customer, () -> {
            TicketState closed = changes.change(customer, command.ticket(), Optional.empty(), (ticket, context) -> {
                command.expectedRevision().ifPresent(expected -> {
                    if (!views.of(customer, ticket.state()).revision().equals(expected)) {
                        throw StaleTicket.forCustomer();
                    }
                });
                ticket.closeAsCustomer(command.reason(), context);
            });
            return views.of(customer, closed);
        });
    }
}
