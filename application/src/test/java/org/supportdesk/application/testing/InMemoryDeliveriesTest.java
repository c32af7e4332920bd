package org.supportdesk.application.testing;

import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.port.TransactionRunner;

/** The in-memory outbox deliveries honour the contract the database ones do. */
class InMemoryDeliveriesTest extends DeliveriesContract {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    @Override
    protected Deliveries deliveries() {
        return core.deliveries;
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
