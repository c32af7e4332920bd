package org.supportdesk.adapter.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.DeliveriesContract;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.port.TransactionRunner;

/** The PostgreSQL outbox deliveries honour the same contract as the in-memory ones, under row-level security. */
@ExtendWith(PostgresExtension.class)
class JdbiDeliveriesTest extends DeliveriesContract {
    private final JdbiSupportdesk core;

    JdbiDeliveriesTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Override
    protected Deliveries deliveries() {
        return core.stores.deliveries();
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
