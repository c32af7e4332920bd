package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.supportdesk.bootstrap.Onboarding;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.domain.tenant.Role;

/**
 * S9, sign-in abuse against the real server with real Argon2id: a burst of parallel sign-ins is answered, never with a
 * 500, while only a bounded number of hashes run; a thousand wrong passwords for one account get at most five tries.
 */
@Timeout(180)
class LoginFloodTest {
    final SecurityWorld world = SecurityWorld.get();

    @Test
    void a_burst_of_parallel_sign_ins_is_answered_without_a_500_and_without_filling_the_heap() throws Exception {
        int burst = 200;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakHeap = new AtomicLong(heapBefore);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                Thread.onSpinWait();
            }
        });
        ExecutorService clients = Executors.newFixedThreadPool(burst);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        sampler.start();
        try {
            for (int i = 0; i < burst; i++) {
                String address = world.freshAddress();
                String email = i % 2 == 0 ? SecurityWorld.ACME_ADMIN : "nobody" + i + "@acme.example";
                answers.add(clients.submit(() -> {
                    go.await();
                    return world.login("acme", email, "not-the-password", address);
                }));
            }
            go.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<TestHttp.Response> answer : answers) {
                TestHttp.Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() == 503) {
                    assertThat(response.header("Retry-After")).isPresent();
                    assertThat(response.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
                }
            }
            sampling.set(false);
            sampler.join();
            long peakGrowthMib = (peakHeap.get() - heapBefore) / (1024 * 1024);
            System.out.printf(
                    "S9 login burst: %d parallel sign-ins -> %s; heap growth at peak %d MiB (unbounded Argon2id would"
                            + " need %d MiB)%n",
                    burst, statuses, peakGrowthMib, burst * 19);

            assertThat(statuses.keySet()).isSubsetOf(401, 429, 503); // 429: the admin account's five tries are spent
            assertThat(statuses.getOrDefault(401, 0)).isPositive();
        } finally {
            sampling.set(false);
            clients.shutdownNow();
        }
    }

    @Test
    void a_thousand_wrong_passwords_for_one_account_get_at_most_five_tries_then_429_with_retry_after() {
        Onboarding.person(
                world.desk.useCases(),
                world.acmeAdmin,
                "victim@acme.example",
                "Victim",
                Role.AGENT,
                Optional.of("victim-password-0"));
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            TestHttp.Response response = world.login("acme", "victim@acme.example", "guess-" + i, world.freshAddress());
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() == 429) {
                assertThat(response.header("Retry-After")).isPresent();
                assertThat(response.header("RateLimit-Remaining")).contains("0");
            }
        }
        System.out.printf(
                "S9 login flood: 1,000 wrong passwords for one account from 1,000 addresses in %d ms -> %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), statuses);

        assertThat(statuses).containsOnlyKeys(401, 429);
        assertThat(statuses.get(401)).isLessThanOrEqualTo(5);
    }
}
