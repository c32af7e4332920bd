package org.supportdesk.adapter.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.CallRequestsContract;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.TransactionRunner;

/** The PostgreSQL call-back requests honour the same contract as the in-memory ones, under row-level security. */
@ExtendWith(PostgresExtension.class)
class JdbiCallRequestsTest extends CallRequestsContract {
    private final JdbiSupportdesk core;

    JdbiCallRequestsTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Override
    protected CallRequests calls() {
        return core.stores.callRequests();
    }

    @Override
    protected TransactionRunner transactions() {
        return core.stores.transactions();
    }

    @Override
    protected void givenTenant(TenantFixture tenant) {
        String slug = "t-" + tenant.tenant.value().toString().substring(0, 8);
        core.database.storeTenant(tenant, slug, core.clock);
    }
}
