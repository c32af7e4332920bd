package org.supportdesk.application.testing;

import java.util.List;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;

/** The in-memory store honours the repository contract, so use-case tests over it mean something. */
class InMemoryTicketRepositoryTest extends TicketRepositoryContract {
    private final InMemoryPeople people = new InMemoryPeople();
    private final InMemoryTicketRepository tickets = new InMemoryTicketRepository(people);
    private final InMemoryTransactionRunner transactions = new InMemoryTransactionRunner(List.of(people, tickets));

    @Override
    protected TicketRepository tickets() {
        return tickets;
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }

    @Override
    protected void givenTenant(TenantFixture tenant) {
        people.addOrganization(tenant.organization);
        tenant.everyone().forEach(people::add);
    }
}
