package org.supportdesk.application.query;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * A customer's own profile for the portal (§9 {@code /me}): who they are, their organisation, and counts of the tickets
 * they filed themselves: open ones (new, in progress, waiting, on hold) and resolved ones (resolved or closed).
 */
public final class ShowCustomerProfile {
    public static final Set<TicketStatus> OPEN = EnumSet.of(
            TicketStatus.NEW, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD);
    public static final Set<TicketStatus> RESOLVED = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    public record Command(CustomerActor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The customer, their organisation if any, and their ticket counts. */
    public record Profile(Person person, Optional<Organization> organization, Stats stats) {}

    /** How many tickets the customer filed, and of them how many are open and how many resolved. */
    public record Stats(long total, long open, long resolved) {}

    private final People people;
    private final TicketQueries queries;
    private final TransactionRunner transactions;

    public ShowCustomerProfile(People people, TicketQueries queries, TransactionRunner transactions) {
        this.people = people;
        this.queries = queries;
        this.transactions = transactions;
    }

    public Profile handle(Command command) {
        CustomerActor customer = command.actor();
        return transactions.inTransaction(customer.tenant(), () -> {
            Person person = people.person(customer.tenant(), customer.id())
                    .orElseThrow(() -> new NotFound("Person " + customer.id() + " not found"));
            Optional<Organization> organization =
                    person.organization().flatMap(org -> people.organization(customer.tenant(), org));
            return new Profile(
                    person,
                    organization,
                    new Stats(count(customer, Set.of()), count(customer, OPEN), count(customer, RESOLVED)));
        });
    }

    private long count(CustomerActor customer, Set<TicketStatus> statuses) {
        TicketFilter own = TicketFilter.seenBy(customer).toBuilder()
                .statuses(statuses)
                .requester(Optional.of(customer.id()))
                .build();
        return queries.list(customer.tenant(), own, TicketSort.NEWEST_FIRST, PageRequest.ofTickets(1, 1))
                .total();
    }
}
