package org.supportdesk.application.testing;

import java.util.List;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TransactionRunner;

/** The in-memory admin stores honour the contract the database ones do. */
class InMemoryAdminStoresTest extends AdminStoresContract {
    private final InMemoryPeople people = new InMemoryPeople();
    private final InMemoryCredentials credentials = new InMemoryCredentials(people);
    private final InMemoryApiTokens apiTokens = new InMemoryApiTokens();
    private final InMemoryTenantConfiguration configuration = new InMemoryTenantConfiguration();
    private final InMemoryTransactionRunner transactions =
            new InMemoryTransactionRunner(List.of(people, credentials, apiTokens, configuration));

    @Override
    protected People people() {
        return people;
    }

    @Override
    protected Credentials credentials() {
        return credentials;
    }

    @Override
    protected ApiTokens apiTokens() {
        return apiTokens;
    }

    @Override
    protected TenantConfiguration configuration() {
        return configuration;
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }

    @Override
    protected void givenTenant(TenantFixture tenant) {
        people.addOrganization(tenant.organization);
        tenant.everyone().forEach(people::add);
    }
}
