package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.supportdesk.domain.feed.ChangeEvent;
import org.supportdesk.domain.port.ChangeFeed;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * Every tenant's change feed in a list, cursors counted per tenant. Transactions here run one at a time, so handing
 * out the next cursor on append is already in commit order.
 */
public final class InMemoryChangeFeed implements ChangeFeed, Snapshotting {
    private final TenantBinding binding;
    private final TicketRepository tickets;
    private State state = new State(new ArrayList<>(), new HashMap<>());

    private record State(List<ChangeEvent> events, Map<TenantId, Long> newest) {}

    public InMemoryChangeFeed(TenantBinding binding, TicketRepository tickets) {
        this.binding = binding;
        this.tickets = tickets;
    }

    @Override
    public synchronized ChangeEvent append(ChangeEvent event) {
        binding.require(event.tenant());
        long cursor = state.newest().merge(event.tenant(), 1L, Long::sum);
        ChangeEvent appended = event.at(cursor);
        state.events().add(appended);
        return appended;
    }

    @Override
    public synchronized List<ChangeEvent> between(TenantId tenant, long after, long upTo, int limit) {
        binding.require(tenant);
        return state.events().stream()
                .filter(e -> e.tenant().equals(tenant) && e.cursor() > after && e.cursor() <= upTo)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<ChangeEvent> betweenForCustomer(CustomerActor customer, long after, long upTo, int limit) {
        binding.require(customer.tenant());
        return state.events().stream()
                .filter(e -> e.tenant().equals(customer.tenant()) && e.cursor() > after && e.cursor() <= upTo)
                .filter(e -> e.customerData().isPresent())
                .filter(e -> e.customer().isPresent()
                        ? e.customer().get().equals(customer.id())
                        : e.ticket()
                                .flatMap(id -> tickets.findIncludingDeleted(customer.tenant(), id))
                                .map(Ticket::state)
                                .filter(ticket -> TicketAccess.isTheirs(customer, ticket))
                                .isPresent())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long newest(TenantId tenant) {
        binding.require(tenant);
        return state.newest().getOrDefault(tenant, 0L);
    }

    @Override
    public synchronized OptionalLong oldestKept(TenantId tenant) {
        binding.require(tenant);
        return state.events().stream()
                .filter(e -> e.tenant().equals(tenant))
                .mapToLong(ChangeEvent::cursor)
                .min();
    }

    @Override
    public synchronized int purgeOlderThan(TenantId tenant, Instant before) {
        binding.require(tenant);
        int size = state.events().size();
        state.events().removeIf(e -> e.tenant().equals(tenant) && e.at().isBefore(before));
        return size - state.events().size();
    }

    /** Every event of every tenant, for tests to look at. */
    public synchronized List<ChangeEvent> all() {
        return List.copyOf(state.events());
    }

    @Override
    public synchronized Object snapshot() {
        return new State(new ArrayList<>(state.events()), new HashMap<>(state.newest()));
    }

    @Override
    public synchronized void restore(Object snapshot) {
        state = (State) snapshot;
    }
}
