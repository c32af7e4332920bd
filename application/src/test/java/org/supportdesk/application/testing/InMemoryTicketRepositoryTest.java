package org.supportdesk.application.testing;

import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;

/** The in-memory store honours the repository contract, so use-case tests over it mean something. */
class InMemoryTicketRepositoryTest extends TicketRepositoryContract {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    @Override
    protected TicketRepository tickets() {
        return core.tickets;
    }

    @Override
    protected TransactionRunner transactions() {
        return core.transactions;
    }

    @Override
    protected void givenTenant(TenantFixture tenant) {
        core.store(tenant);
    }
}
