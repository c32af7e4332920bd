package org.supportdesk.adapter.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.AdminStoresContract;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TransactionRunner;

/** The PostgreSQL admin stores honour the same contract as the in-memory ones, under row-level security. */
@ExtendWith(PostgresExtension.class)
class JdbiAdminStoresTest extends AdminStoresContract {
    private final JdbiSupportdesk core;

    JdbiAdminStoresTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Override
    protected People people() {
        return core.stores.people();
    }

    @Override
    protected Credentials credentials() {
        return core.stores.credentials();
    }

    @Override
    protected ApiTokens apiTokens() {
        return core.stores.apiTokens();
    }

    @Override
    protected TenantConfiguration configuration() {
        return core.stores.configuration();
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
