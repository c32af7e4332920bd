package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.port.CapacityReached;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.tenant.Password;

class BoundedHashingTest {
    /** Hashing that holds each call until released, counting how many run at once. */
    static final class HeldHashing implements PasswordHashing {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String hash(Password password) {
            return hold("hash");
        }

        @Override
        public boolean verify(String password, String hash) {
            return hold(hash).equals(password);
        }

        private String hold(String result) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void no_more_than_the_bound_run_at_once_and_the_rest_wait_their_turn_or_are_refused() throws Exception {
        HeldHashing held = new HeldHashing();
        BoundedHashing bounded = new BoundedHashing(held, 2, 4, Duration.ofSeconds(5));
        ExecutorService callers = Executors.newFixedThreadPool(40);
        try {
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(callers.submit(() -> bounded.verify("h", "h")));
            }
            // Let every caller arrive before releasing: two run, four wait, the other 34 are turned away at once. A
            // fixed sleep was not enough on a busy machine, where a caller arriving after the release got through.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (calls.stream().filter(Future::isDone).count() < 34 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            held.release.countDown();
            int verified = 0;
            int refused = 0;
            for (Future<Boolean> call : calls) {
                try {
                    verified += call.get(10, TimeUnit.SECONDS) ? 1 : 0;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(CapacityReached.class);
                    refused++;
                }
            }

            assertThat(held.mostAtOnce.get()).isEqualTo(2);
            assertThat(verified + refused).isEqualTo(40);
            assertThat(verified).isBetween(2, 6);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a_caller_that_waits_longer_than_allowed_is_refused_having_done_nothing() {
        HeldHashing held = new HeldHashing();
        BoundedHashing bounded = new BoundedHashing(held, 1, 4, Duration.ofMillis(100));
        Thread holder = new Thread(() -> bounded.hash(new Password("first in line")));
        holder.start();
        try {
            while (held.running.get() == 0) {
                Thread.onSpinWait();
            }

            assertThatThrownBy(() -> bounded.hash(new Password("second in line")))
                    .isInstanceOf(CapacityReached.class);
            assertThat(held.mostAtOnce.get()).isEqualTo(1);
        } finally {
            held.release.countDown();
        }
    }

    @Test
    void sized_for_the_machine_it_allows_at_least_one_and_no_more_than_the_processors() {
        HeldHashing held = new HeldHashing();
        held.release.countDown();
        BoundedHashing bounded = BoundedHashing.sizedFor(held, Password4jHashing.MEMORY_BYTES);

        assertThat(bounded.verify("h", "h")).isTrue();
        assertThat(bounded.atOnce()).isBetween(1, Runtime.getRuntime().availableProcessors());
    }
}
