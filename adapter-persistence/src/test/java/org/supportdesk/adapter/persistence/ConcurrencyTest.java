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
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

    @Test
    void with_if_match_of_two_updates_from_the_same_version_exactly_one_wins() throws Exception {
        TenantFixture tenant = core.newTenant();
        TicketState ticket = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Raced"));
        long version = ticket.version();
        CyclicBarrier bothRead = new CyclicBarrier(2);

        List<Outcome> outcomes = race(
                () -> renameAfterBothRead(tenant, ticket, Optional.of(version), bothRead, "First writer"),
                () -> renameAfterBothRead(tenant, ticket, Optional.of(version), bothRead, "Second writer"));

        List<TicketState> winners =
                outcomes.stream().flatMap(o -> o.won().stream()).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().flatMap(o -> o.lost().stream()))
                .singleElement()
                .isInstanceOf(StaleTicket.class);
        TicketState stored = stored(tenant, ticket);
        assertThat(stored.subject()).isEqualTo(winners.get(0).subject());
        assertThat(stored.version()).isEqualTo(version + 1);
        assertThat(updatesJournalled(tenant, ticket)).isOne();
    }

    @Test
    void without_if_match_the_overtaken_update_is_applied_again_to_the_version_now_committed() throws Exception {
        TenantFixture tenant = core.newTenant();
        TicketState ticket = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Raced"));
        long version = ticket.version();
        CyclicBarrier bothRead = new CyclicBarrier(2);

        List<Outcome> outcomes = race(
                () -> renameAfterBothRead(tenant, ticket, Optional.empty(), bothRead, "First writer"),
                () -> renameAfterBothRead(tenant, ticket, Optional.empty(), bothRead, "Second writer"));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.lost()).isEmpty());
        TicketState stored = stored(tenant, ticket);
        assertThat(stored.version())
                .as("both writes landed, one after the other")
                .isEqualTo(version + 2);
        assertThat(stored.subject().value()).isIn("First writer", "Second writer");
        assertThat(updatesJournalled(tenant, ticket)).isEqualTo(2);
    }

    /**
     * Eight writers read the same version and all but one are overtaken: each applies its change again holding the
     * ticket, so nobody is overtaken twice, nobody gives up as busy, and all eight land one after the other.
     */
    @Test
    void without_if_match_many_writers_all_land_each_overtaken_at_most_once() throws Exception {
        TenantFixture tenant = core.newTenant();
        TicketState ticket = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Hot ticket"));
        CyclicBarrier allRead = new CyclicBarrier(FILERS);
        AtomicIntegerArray tries = new AtomicIntegerArray(FILERS);

        List<Future<TicketState>> writers = new ArrayList<>();
        for (int i = 0; i < FILERS; i++) {
            int writer = i;
            writers.add(threads.submit(() -> core.useCases
                    .changes()
                    .change(tenant.agentActor(), ticket.id(), Optional.empty(), (loaded, context) -> {
                        if (tries.incrementAndGet(writer) == 1) {
                            await(allRead);
                        }
                        loaded.changeSubject(new Subject("Writer " + writer), context);
                    })));
        }
        for (Future<TicketState> writer : writers) {
            writer.get(60, SECONDS);
        }

        assertThat(stored(tenant, ticket).version()).isEqualTo(ticket.version() + FILERS);
        assertThat(updatesJournalled(tenant, ticket)).isEqualTo(FILERS);
        for (int i = 0; i < FILERS; i++) {
            assertThat(tries.get(i)).as("tries of writer %d", i).isBetween(1, 2);
        }
    }

    private record Outcome(Optional<TicketState> won, Optional<Throwable> lost) {}

    private List<Outcome> race(Callable<TicketState> first, Callable<TicketState> second) throws Exception {
        List<Future<TicketState>> updates = List.of(threads.submit(first), threads.submit(second));
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<TicketState> update : updates) {
            try {
                outcomes.add(new Outcome(Optional.of(update.get(60, SECONDS)), Optional.empty()));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome(Optional.empty(), Optional.of(e.getCause())));
            }
        }
        return outcomes;
    }

    private TicketState stored(TenantFixture tenant, TicketState ticket) {
        return core.stores.transactions().inTransaction(tenant.tenant, () -> core.stores
                .tickets()
                .find(tenant.tenant, ticket.id())
                .orElseThrow()
                .state());
    }

    private long updatesJournalled(TenantFixture tenant, TicketState ticket) {
        return core.unrestrictedCount(
                "SELECT count(*) FROM journal WHERE tenant_id = ? AND target_id = ? AND action = 'ticket_updated'",
                tenant.tenant.value(),
                ticket.id().value());
    }

    /**
     * Loads the ticket and, the first time, waits until the other writer has loaded the same version too; then
     * renames it. A change applied again after being overtaken runs without waiting.
     */
    private TicketState renameAfterBothRead(
            TenantFixture tenant,
            TicketState ticket,
            Optional<Long> expectedVersion,
            CyclicBarrier bothRead,
            String subject) {
        return core.useCases.changes().change(tenant.agentActor(), ticket.id(), expectedVersion, (loaded, context) -> {
            if (loaded.persistedVersion() == ticket.version()) {
                await(bothRead);
            }
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
