package org.supportdesk.application.testing;

import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TransactionRunner;

/** The in-memory admin stores honour the contract the database ones do. */
class InMemoryAdminStoresTest extends AdminStoresContract {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    @Override
    protected People people() {
        return core.people;
    }

    @Override
    protected Credentials credentials() {
        return core.credentials;
    }

    @Override
    protected ApiTokens apiTokens() {
        return core.apiTokens;
    }

    @Override
    protected TenantConfiguration configuration() {
        return core.configuration;
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
