package org.supportdesk.adapter.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.AdminStoresContract;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantSettings;

/** The PostgreSQL admin stores honour the same contract as the in-memory ones, under row-level security. */
@ExtendWith(PostgresExtension.class)
class JdbiAdminStoresTest extends AdminStoresContract {
    private final JdbiSupportdesk desk;

    JdbiAdminStoresTest(TestDatabase database) {
        this.desk = new JdbiSupportdesk(database);
    }

    @Override
    protected People people() {
        return desk.people;
    }

    @Override
    protected Credentials credentials() {
        return desk.credentials;
    }

    @Override
    protected ApiTokens apiTokens() {
        return desk.apiTokens;
    }

    @Override
    protected TenantConfiguration configuration() {
        return desk.configuration;
    }

    @Override
    protected TransactionRunner transactions() {
        return desk.transactions;
    }

    @Override
    protected void givenTenant(TenantFixture tenant) {
        String slug = "t-" + tenant.tenant.value().toString().substring(0, 8);
        desk.tenants.create(tenant.tenant, slug, tenant.organization.name(), TenantSettings.defaults());
        desk.transactions.inTransaction(tenant.tenant, () -> {
            desk.people.addOrganization(tenant.organization);
            tenant.everyone().forEach(desk.people::add);
            return null;
        });
    }
}
