package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.testing.TicketRepositoryContract;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;

/** The PostgreSQL store honours the same repository contract as the in-memory one (docs/embedding.md shows it). */
// tag::contract[]
@ExtendWith(PostgresExtension.class)
class JdbiTicketRepositoryTest extends TicketRepositoryContract {
    private final TestDatabase database;
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-01T00:00:00Z"));

    JdbiTicketRepositoryTest(TestDatabase database) {
        this.database = database;
    }

    @Override
    protected TicketRepository tickets() {
        return new JdbiTicketRepository(database.scope());
    }

    @Override
    protected TransactionRunner transactions() {
        return database.transactions();
    }

    @Override
    protected void givenTenant(TenantFixture fixture) {
        if (new JdbiTenants(database.scope()).bySlug(slugOf(fixture)).isPresent()) {
            return;
        }
        database.storeTenant(fixture, slugOf(fixture), clock);
    }

    private static String slugOf(TenantFixture fixture) {
        return "t-" + fixture.tenant.value().toString().substring(0, 8);
    }
}
// end::contract[]
