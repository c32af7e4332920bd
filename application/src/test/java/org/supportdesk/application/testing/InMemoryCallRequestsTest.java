package org.supportdesk.application.testing;

import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.TransactionRunner;

/** The in-memory call-back requests honour the contract the database ones do. */
class InMemoryCallRequestsTest extends CallRequestsContract {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    @Override
    protected CallRequests calls() {
        return core.callRequests;
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
