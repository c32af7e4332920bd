package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.testing.MutableClock;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The background jobs over PostgreSQL: auto-close runs for every tenant, only one instance at a time runs a round
 * (the advisory lock), also across a database restart, and the scheduler runs rounds by itself.
 */
@Timeout(120)
class BackgroundWorkTest {
    private static CoreOnPostgres core;
    private static LocalPostgres cluster;
    private static HikariDataSource pool;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static JdbiStores stores;
    private static UseCases useCases;

    @TempDir
    static Path files;

    @BeforeAll
    static void start() {
        // Durable commits: one test crash-stops the cluster, which would otherwise lose the last moments of commits,
        // the schema's newest migration among them when that test runs first.
        core = CoreOnPostgres.start(clock, files, LocalPostgres.SynchronousCommit.ON, "background-test");
        cluster = core.cluster;
        pool = core.pool;
        stores = core.stores;
        useCases = core.useCases;
    }

    @AfterAll
    static void stop() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void a_round_auto_closes_resolved_tickets_of_every_tenant_past_the_delay() {
        Resolved first = resolvedTicketInNewTenant();
        Resolved second = resolvedTicketInNewTenant();
        BackgroundWork work = new BackgroundWork(
                pool,
                stores.tenants()::all,
                BackgroundWork.standardJobs(useCases.scheduled(), ChannelSettings.DEFAULT_CHANGE_RETENTION),
                new ThreadCorrelation());

        assertThat(work.runOnce()).isTrue();
        assertThat(status(first)).isEqualTo(TicketStatus.RESOLVED); // the seven days have not passed

        clock.advance(Duration.ofDays(8));
        assertThat(work.runOnce()).isTrue();

        assertThat(status(first)).isEqualTo(TicketStatus.CLOSED);
        assertThat(status(second)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void a_second_instance_skips_the_round_while_the_first_holds_the_lock() throws Exception {
        Resolved ticket = resolvedTicketInNewTenant();
        clock.advance(Duration.ofDays(8));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundWork first = new BackgroundWork(
                pool,
                () -> List.of(ticket.tenant()),
                List.of(new BackgroundWork.Job("hold", tenant -> {
                    inside.countDown();
                    await(release);
                })),
                new ThreadCorrelation());
        BackgroundWork second = new BackgroundWork(
                pool,
                stores.tenants()::all,
                BackgroundWork.standardJobs(useCases.scheduled(), ChannelSettings.DEFAULT_CHANGE_RETENTION),
                new ThreadCorrelation());
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> firstRound = thread.submit(first::runOnce);
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(second.runOnce()).isFalse();
            assertThat(status(ticket)).isEqualTo(TicketStatus.RESOLVED);

            release.countDown();
            assertThat(firstRound.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.runOnce()).isTrue();
            assertThat(status(ticket)).isEqualTo(TicketStatus.CLOSED);
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void a_round_whose_lock_went_with_a_database_restart_stops_and_rounds_resume_one_at_a_time() throws Exception {
        List<TenantId> tenants = List.of(
                new TenantId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), new TenantId(UUID.randomUUID()));
        List<String> steps = new CopyOnWriteArrayList<>();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundWork first = new BackgroundWork(
                pool,
                () -> tenants,
                List.of(new BackgroundWork.Job("first", tenant -> {
                    steps.add("first " + tenants.indexOf(tenant));
                    inside.countDown();
                    await(release);
                })),
                new ThreadCorrelation());
        BackgroundWork second = new BackgroundWork(
                pool,
                () -> tenants,
                List.of(new BackgroundWork.Job("second", tenant -> steps.add("second " + tenants.indexOf(tenant)))),
                new ThreadCorrelation());
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> firstRound = thread.submit(first::runOnce);
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.runOnce()).as("the first round holds the lock").isFalse();

            cluster.stop(LocalPostgres.Shutdown.IMMEDIATE);
            cluster.start();
            assertThat(roundAfterRestart(second))
                    .as("the lock went with the restart")
                    .isTrue();
            release.countDown();

            assertThatThrownBy(() -> firstRound.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("lost");
            assertThat(steps)
                    .as("the first round took no step after its lock was gone")
                    .containsExactly("first 0", "second 0", "second 1", "second 2");
            assertThat(roundAfterRestart(first)).as("rounds resume").isTrue();
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void the_scheduler_runs_rounds_until_closed() throws InterruptedException {
        Resolved ticket = resolvedTicketInNewTenant();
        clock.advance(Duration.ofDays(8));
        try (BackgroundWork work = new BackgroundWork(
                pool,
                stores.tenants()::all,
                BackgroundWork.standardJobs(useCases.scheduled(), ChannelSettings.DEFAULT_CHANGE_RETENTION),
                new ThreadCorrelation())) {
            work.start(Duration.ZERO, Duration.ofMillis(200));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (status(ticket) != TicketStatus.CLOSED && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(status(ticket)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void a_job_failing_for_one_tenant_does_not_stop_the_others() {
        Resolved ticket = resolvedTicketInNewTenant();
        clock.advance(Duration.ofDays(8));
        TenantId broken = new TenantId(UUID.randomUUID());
        List<BackgroundWork.Job> jobs = List.of(
                new BackgroundWork.Job("explode", tenant -> {
                    if (tenant.equals(broken)) {
                        throw new IllegalStateException("boom");
                    }
                }),
                BackgroundWork.standardJobs(useCases.scheduled(), ChannelSettings.DEFAULT_CHANGE_RETENTION)
                        .get(0));
        BackgroundWork work =
                new BackgroundWork(pool, () -> List.of(broken, ticket.tenant()), jobs, new ThreadCorrelation());

        assertThat(work.runOnce()).isTrue();
        assertThat(status(ticket)).isEqualTo(TicketStatus.CLOSED);
    }

    /**
     * A round run soon after a restart: the pool may still lend a connection the restart killed (it validates only
     * those idle for a while), which fails that round at its first statement and is evicted; the next try gets another.
     */
    private static boolean roundAfterRestart(BackgroundWork work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.runOnce();
            } catch (IllegalStateException deadConnection) {
                if (attempt == 6) {
                    throw deadConnection;
                }
            }
        }
    }

    private record Resolved(TenantId tenant, TicketId ticket) {}

    private static Resolved resolvedTicketInNewTenant() {
        String slug = "bg-" + UUID.randomUUID().toString().substring(0, 8);
        StaffActor admin = Onboarding.tenant(useCases, slug, "admin@" + slug + ".example", "password");
        TenantId tenant = admin.tenant();
        Person customer =
                Onboarding.person(useCases, admin, "c@" + slug + ".example", "Cust", Role.CUSTOMER, Optional.empty());
        TicketId ticket = useCases.portal()
                .fileTicket()
                .handle(new FileTicket.Command(
                        CustomerActor.of(customer, Optional.empty()),
                        new Subject("Old problem"),
                        new Description("Long solved"),
                        new Category("other"),
                        Priority.LOW,
                        PortalContext.NONE,
                        Optional.empty()))
                .id();
        useCases.desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        admin, ticket, TicketStatus.RESOLVED, Optional.of("done"), Optional.empty()));
        return new Resolved(tenant, ticket);
    }

    private static TicketStatus status(Resolved resolved) {
        return stores.transactions().inTransaction(resolved.tenant(), () -> stores.tickets()
                .find(resolved.tenant(), resolved.ticket())
                .orElseThrow()
                .state()
                .status());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
