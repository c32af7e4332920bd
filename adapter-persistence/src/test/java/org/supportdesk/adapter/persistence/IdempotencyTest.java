package org.supportdesk.adapter.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.idempotency.ForgetExpiredKeys;
import org.supportdesk.application.idempotency.IdempotencyKeyReused;
import org.supportdesk.application.idempotency.RunOnce;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.IdempotencyKey;

/** {@link RunOnce} over the PostgreSQL idempotency records (§11, §17). */
@ExtendWith(PostgresExtension.class)
class IdempotencyTest {
    private static final int CALLERS = 8;
    private static final String PATH = "/api/v1/portal/tickets";

    private final JdbiSupportdesk core;
    private final ExecutorService threads = Executors.newFixedThreadPool(CALLERS);

    IdempotencyTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, SECONDS)).isTrue();
    }

    @Test
    void concurrent_first_uses_of_one_key_file_one_ticket_and_all_get_its_answer() throws Exception {
        TenantFixture tenant = core.newTenant();
        IdempotencyKey key = new IdempotencyKey(tenant.tenant, "carla", "POST", PATH, "k-1");
        // Every call gets past the lookup before any files: all eight race to store the key.
        CyclicBarrier allLookedUp = new CyclicBarrier(CALLERS);
        AtomicInteger ran = new AtomicInteger();

        List<Future<RunOnce.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(threads.submit(() -> core.useCases.runOnce().handle(new RunOnce.Command(key, "same-body", () -> {
                ran.incrementAndGet();
                await(allLookedUp);
                return fileTicket(tenant);
            }))));
        }
        List<RunOnce.Answer> answers = new ArrayList<>();
        for (Future<RunOnce.Answer> call : calls) {
            answers.add(call.get(60, SECONDS));
        }

        assertThat(ran).hasValue(CALLERS);
        assertThat(answers).hasSize(CALLERS).containsOnly(answers.get(0));
        assertThat(ticketsOf(tenant)).isOne();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM tickets WHERE tenant_id = ? AND id::text = ?",
                        tenant.tenant.value(),
                        answers.get(0).body()))
                .isOne();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM idempotency_keys WHERE tenant_id = ?", tenant.tenant.value()))
                .isOne();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM journal WHERE tenant_id = ? AND action = 'ticket_filed'",
                        tenant.tenant.value()))
                .isOne();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM ticket_number_counters WHERE tenant_id = ? AND last_value = 1",
                        tenant.tenant.value()))
                .isOne();
    }

    @Test
    void a_retry_replays_the_answer_without_running_again() {
        TenantFixture tenant = core.newTenant();
        IdempotencyKey key = new IdempotencyKey(tenant.tenant, "carla", "POST", PATH, "k-1");

        RunOnce.Answer first =
                core.useCases.runOnce().handle(new RunOnce.Command(key, "same-body", () -> fileTicket(tenant)));
        RunOnce.Answer retry =
                core.useCases.runOnce().handle(new RunOnce.Command(key, "same-body", () -> fileTicket(tenant)));

        assertThat(retry).isEqualTo(first);
        assertThat(ticketsOf(tenant)).isOne();
    }

    @Test
    void the_same_key_with_another_request_is_refused() {
        TenantFixture tenant = core.newTenant();
        IdempotencyKey key = new IdempotencyKey(tenant.tenant, "carla", "POST", PATH, "k-1");
        core.useCases.runOnce().handle(new RunOnce.Command(key, "first-body", () -> fileTicket(tenant)));

        assertThatThrownBy(() -> core.useCases
                        .runOnce()
                        .handle(new RunOnce.Command(key, "other-body", () -> fileTicket(tenant))))
                .isInstanceOf(IdempotencyKeyReused.class);

        assertThat(ticketsOf(tenant)).isOne();
    }

    @Test
    void another_callers_identical_key_is_independent() {
        TenantFixture tenant = core.newTenant();
        TenantFixture otherTenant = core.newTenant();

        RunOnce.Answer carla = core.useCases
                .runOnce()
                .handle(new RunOnce.Command(
                        new IdempotencyKey(tenant.tenant, "carla", "POST", PATH, "k-1"),
                        "body",
                        () -> fileTicket(tenant)));
        RunOnce.Answer colin = core.useCases
                .runOnce()
                .handle(new RunOnce.Command(
                        new IdempotencyKey(tenant.tenant, "colin", "POST", PATH, "k-1"),
                        "body",
                        () -> fileTicket(tenant)));
        RunOnce.Answer elsewhere = core.useCases
                .runOnce()
                .handle(new RunOnce.Command(
                        new IdempotencyKey(otherTenant.tenant, "carla", "POST", PATH, "k-1"),
                        "body",
                        () -> fileTicket(otherTenant)));

        assertThat(colin).isNotEqualTo(carla);
        assertThat(elsewhere).isNotEqualTo(carla).isNotEqualTo(colin);
        assertThat(ticketsOf(tenant)).isEqualTo(2);
        assertThat(ticketsOf(otherTenant)).isOne();
    }

    @Test
    void records_past_their_retention_are_deleted_in_batches_for_their_tenant_only() {
        TenantFixture tenant = core.newTenant();
        TenantFixture otherTenant = core.newTenant();
        for (String key : List.of("k-1", "k-2", "k-3")) {
            core.useCases
                    .runOnce()
                    .handle(new RunOnce.Command(
                            new IdempotencyKey(tenant.tenant, "carla", "POST", PATH, key),
                            "body",
                            () -> fileTicket(tenant)));
        }
        core.useCases
                .runOnce()
                .handle(new RunOnce.Command(
                        new IdempotencyKey(otherTenant.tenant, "carla", "POST", PATH, "k-1"),
                        "body",
                        () -> fileTicket(otherTenant)));
        core.clock.advance(RunOnce.RETENTION.plusSeconds(1));
        ForgetExpiredKeys forget = core.useCases.scheduled().forgetExpiredKeys();

        assertThat(forget.handle(new ForgetExpiredKeys.Command(tenant.tenant, 2)))
                .isEqualTo(2);
        assertThat(forget.handle(new ForgetExpiredKeys.Command(tenant.tenant, 2)))
                .isOne();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM idempotency_keys WHERE tenant_id = ?", tenant.tenant.value()))
                .isZero();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM idempotency_keys WHERE tenant_id = ?", otherTenant.tenant.value()))
                .isOne();
    }

    private RunOnce.Answer fileTicket(TenantFixture tenant) {
        return new RunOnce.Answer(
                201,
                core.useCases
                        .portal()
                        .fileTicket()
                        .handle(JdbiSupportdesk.filing(tenant, "Once only"))
                        .id()
                        .value()
                        .toString());
    }

    private long ticketsOf(TenantFixture tenant) {
        return core.unrestrictedCount("SELECT count(*) FROM tickets WHERE tenant_id = ?", tenant.tenant.value());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("not every caller arrived", e);
        }
    }
}
