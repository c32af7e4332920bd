package org.supportdesk.application.query;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.visibility.CustomerTicketView;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * A customer lists their tickets (and their organisation's when shared), newest first, by status, priority and text
 * that never matches what they cannot see (§9). Items carry no messages; counts cover the visible ones.
 */
public final class ListCustomerTickets {
    public record Command(
            CustomerActor actor,
            Set<TicketStatus> statuses,
            Set<Priority> priorities,
            Optional<String> text,
            PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            statuses = Set.copyOf(statuses);
            priorities = Set.copyOf(priorities);
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(page, "page");
        }
    }

    private final TicketQueries queries;
    private final TransactionRunner transactions;

    public ListCustomerTickets(TicketQueries queries, TransactionRunner transactions) {
        this.queries = queries;
        this.transactions = transactions;
    }

    public Page<CustomerTicketView> handle(Command command) {
        CustomerActor customer = command.actor();
        TicketFilter filter = TicketFilter.seenBy(customer).toBuilder()
                .statuses(command.statuses())
                .priorities(command.priorities())
                .text(command.text())
                .build();
        return transactions.inTransaction(customer.tenant(), () -> queries.list(
                        customer.tenant(), filter, TicketSort.NEWEST_FIRST, command.page())
                .map(item -> TicketAccess.customerSummary(
                        customer,
                        item.ticket(),
                        item.requesterName(),
                        item.customerVisibleMessages(),
                        item.lastCustomerVisibleAt())));
    }
}
