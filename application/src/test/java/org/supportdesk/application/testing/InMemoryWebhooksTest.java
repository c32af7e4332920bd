package org.supportdesk.application.testing;

import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.port.Webhooks;

/** The in-memory webhook subscriptions honour the contract the database ones do. */
class InMemoryWebhooksTest extends WebhooksContract {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    @Override
    protected Webhooks webhooks() {
        return core.webhooks;
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
