package org.supportdesk.application.testing;

import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.TransactionRunner;

/** The in-memory notifications honour the contract the database ones do. */
class InMemoryNotificationsTest extends NotificationsContract {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    @Override
    protected Notifications notifications() {
        return core.notifications;
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
