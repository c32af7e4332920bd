package org.supportdesk.adapter.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.NotificationsContract;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.TransactionRunner;

/** The PostgreSQL notifications honour the same contract as the in-memory ones, under row-level security. */
@ExtendWith(PostgresExtension.class)
class JdbiNotificationsTest extends NotificationsContract {
    private final JdbiSupportdesk core;

    JdbiNotificationsTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Override
    protected Notifications notifications() {
        return core.stores.notifications();
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
