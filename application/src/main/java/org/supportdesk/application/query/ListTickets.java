package org.supportdesk.application.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;

/** Staff list the tenant's tickets with filters, search, sort and pages (§10). */
public final class ListTickets {
    /**
     * @param requesterEmail the requester named by address instead of id (§10 "requester (id or email)"); an address
     *     nobody in the tenant has lists nothing
     */
    public record Command(
            StaffActor actor, TicketFilter filter, Optional<Email> requesterEmail, TicketSort sort, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(requesterEmail, "requesterEmail");
            Objects.requireNonNull(sort, "sort");
            Objects.requireNonNull(page, "page");
            if (filter.customer().isPresent()) {
                throw new IllegalArgumentException("staff lists are not narrowed to a customer's view");
            }
            if (requesterEmail.isPresent() && filter.requester().isPresent()) {
                throw new IllegalArgumentException("a requester is named by id or by email, not both");
            }
        }

        /** A list whose requester, if any, the filter names by id. */
        public Command(StaffActor actor, TicketFilter filter, TicketSort sort, PageRequest page) {
            this(actor, filter, Optional.empty(), sort, page);
        }
    }

    private final TicketQueries queries;
    private final People people;
    private final TransactionRunner transactions;

    public ListTickets(TicketQueries queries, People people, TransactionRunner transactions) {
        this.queries = queries;
        this.people = people;
        this.transactions = transactions;
    }

    public Page<TicketListItem> handle(Command command) {
        TenantId tenant = command.actor().tenant();
        return transactions.inTransaction(tenant, () -> {
            TicketFilter filter = command.filter();
            if (command.requesterEmail().isPresent()) {
                Optional<Person> requester =
                        people.personByEmail(tenant, command.requesterEmail().get());
                if (requester.isEmpty()) {
                    return new Page<>(
                            List.of(), command.page().page(), command.page().limit(), 0);
                }
                filter = filter.toBuilder()
                        .requester(Optional.of(requester.get().id()))
                        .build();
            }
            return queries.list(tenant, filter, command.sort(), command.page());
        });
    }
}
