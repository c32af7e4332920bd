package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.testing.TicketRepositoryContract;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantSettings;

/** The PostgreSQL store honours the same repository contract as the in-memory one. */
@ExtendWith(PostgresExtension.class)
class JdbiTicketRepositoryTest extends TicketRepositoryContract {
    private final TestDatabase database;
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-01T00:00:00Z"));

    JdbiTicketRepositoryTest(TestDatabase database) {
        this.database = database;
    }

    @Override
    protected TicketRepository tickets() {
        return new JdbiTicketRepository(database.jdbi());
    }

    @Override
    protected TransactionRunner transactions() {
        return database.transactions();
    }

    @Override
    protected void givenTenant(TenantFixture fixture) {
        JdbiTenants tenants = database.tenants(clock);
        if (tenants.bySlug(slugOf(fixture)).isPresent()) {
            return;
        }
        tenants.create(fixture.tenant, slugOf(fixture), fixture.organization.name(), TenantSettings.defaults());
        JdbiPeople people = new JdbiPeople(database.jdbi(), clock);
        transactions().inTransaction(fixture.tenant, () -> {
            people.addOrganization(fixture.organization);
            fixture.everyone().forEach(p -> people.addWithPassword(p, Optional.empty()));
            return null;
        });
    }

    private static String slugOf(TenantFixture fixture) {
        return "t-" + fixture.tenant.value().toString().substring(0, 8);
    }
}
