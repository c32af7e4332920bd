package org.supportdesk.application.query;

import java.util.Objects;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.StaffActor;

/** Staff list the tenant's tickets with filters, search, sort and pages (§10). */
public final class ListTickets {
    public record Command(StaffActor actor, TicketFilter filter, TicketSort sort, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(sort, "sort");
            Objects.requireNonNull(page, "page");
            if (filter.customer().isPresent()) {
                throw new IllegalArgumentException("staff lists are not narrowed to a customer's view");
            }
        }
    }

    private final TicketQueries queries;
    private final TransactionRunner transactions;

    public ListTickets(TicketQueries queries, TransactionRunner transactions) {
        this.queries = queries;
        this.transactions = transactions;
    }

    public Page<TicketListItem> handle(Command command) {
        return transactions.inTransaction(
                command.actor().tenant(),
                () -> queries.list(command.actor().tenant(), command.filter(), command.sort(), command.page()));
    }
}
