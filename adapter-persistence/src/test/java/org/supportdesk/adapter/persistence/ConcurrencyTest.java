package org.supportdesk.adapter.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketState;

/** Concurrent writers in one tenant, each in its own transaction, against the real database. */
@ExtendWith(PostgresExtension.class)
class ConcurrencyTest {
    private static final int FILERS = 8;

    private final JdbiSupportdesk core;
    private final ExecutorService threads = Executors.newFixedThreadPool(FILERS);

    ConcurrencyTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, SECONDS)).isTrue();
    }

    @Test
    void tickets_filed_at_once_get_distinct_consecutive_numbers() throws Exception {
        TenantFixture tenant = core.newTenant();
        CyclicBarrier start = new CyclicBarrier(FILERS);

        List<Future<TicketState>> filings = new ArrayList<>();
        for (int i = 0; i < FILERS; i++) {
            String subject = "Filed at once " + i;
            filings.add(threads.submit(() -> {
                start.await(30, SECONDS);
                return core.fileAndRead(JdbiSupportdesk.filing(tenant, subject));
            }));
        }
        List<TicketNumber> numbers = new ArrayList<>();
        for (Future<TicketState> filing : filings) {
            numbers.add(filing.get(60, SECONDS).number());
        }

        int year = core.clock.instant().atZone(java.time.ZoneOffset.UTC).getYear();
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, FILERS)
                        .mapToObj(sequence -> new TicketNumber(year, sequence))
                        .toList());
        assertThat(core.unrestrictedCount(
                        "SELECT count(DISTINCT number) FROM tickets WHERE tenant_id = ?", tenant.tenant.value()))
                .isEqualTo(FILERS);
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM ticket_number_counters WHERE tenant_id = ? AND last_value = ?",
                        tenant.tenant.value(),
                        (long) FILERS))
                .isOne();
    }

    @ParameterizedTest(name = "expected version given: {0}")
    @ValueSource(booleans = {true, false})
    void of_two_updates_from_the_same_version_exactly_one_wins(boolean withExpectedVersion) throws Exception {
        TenantFixture tenant = core.newTenant();
        TicketState ticket = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Raced"));
        long version = ticket.version();
        CyclicBarrier bothRead = new CyclicBarrier(2);

        Callable<TicketState> first =
                () -> renameAfterBothRead(tenant, ticket, version, withExpectedVersion, bothRead, "First writer");
        Callable<TicketState> second =
                () -> renameAfterBothRead(tenant, ticket, version, withExpectedVersion, bothRead, "Second writer");
        List<Future<TicketState>> updates = List.of(threads.submit(first), threads.submit(second));

        List<TicketState> winners = new ArrayList<>();
        List<Throwable> losers = new ArrayList<>();
        for (Future<TicketState> update : updates) {
            try {
                winners.add(update.get(60, SECONDS));
            } catch (ExecutionException e) {
                losers.add(e.getCause());
            }
        }

        assertThat(winners).hasSize(1);
        assertThat(losers).singleElement().isInstanceOf(StaleTicket.class);
        TicketState stored = core.stores.transactions().inTransaction(tenant.tenant, () -> core.stores
                .tickets()
                .find(tenant.tenant, ticket.id())
                .orElseThrow()
                .state());
        assertThat(stored.subject()).isEqualTo(winners.get(0).subject());
        assertThat(stored.version()).isEqualTo(version + 1);
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM journal WHERE tenant_id = ? AND target_id = ? AND action = 'ticket_updated'",
                        tenant.tenant.value(),
                        ticket.id().value()))
                .isOne();
    }

    /** Loads the ticket, waits until the other writer has loaded it too, then renames it and saves. */
    private TicketState renameAfterBothRead(
            TenantFixture tenant,
            TicketState ticket,
            long version,
            boolean withExpectedVersion,
            CyclicBarrier bothRead,
            String subject) {
        return core.useCases
                .changes()
                .change(
                        tenant.agentActor(),
                        ticket.id(),
                        withExpectedVersion ? Optional.of(version) : Optional.empty(),
                        (loaded, context) -> {
                            assertThat(loaded.persistedVersion()).isEqualTo(version);
                            await(bothRead);
                            loaded.changeSubject(new Subject(subject), context);
                        });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other writer did not arrive", e);
        }
    }
}
