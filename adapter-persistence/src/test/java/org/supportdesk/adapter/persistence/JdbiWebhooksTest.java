package org.supportdesk.adapter.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.testing.WebhooksContract;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.port.Webhooks;

/** The PostgreSQL webhook subscriptions honour the same contract as the in-memory ones, under row-level security. */
@ExtendWith(PostgresExtension.class)
class JdbiWebhooksTest extends WebhooksContract {
    private final JdbiSupportdesk core;

    JdbiWebhooksTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Override
    protected Webhooks webhooks() {
        return core.stores.webhooks();
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
