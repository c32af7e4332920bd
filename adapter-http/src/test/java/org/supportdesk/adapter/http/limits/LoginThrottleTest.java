package org.supportdesk.adapter.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.MutableClock;

class LoginThrottleTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(5, Duration.ofMinutes(15)),
            new LoginThrottle.Policy(20, Duration.ofMinutes(15)),
            clock);

    @Test
    void spellings_of_one_address_are_one_account() {
        List<String> spellings = List.of(
                "victim@x.example", " victim@x.example", "VICTIM@x.example", "victim@X.EXAMPLE\t", "Victim@x.example ");
        for (String spelling : spellings) {
            assertThat(throttle.reserve("acme", spelling, "203.0.113." + spellings.indexOf(spelling))
                            .allowed())
                    .isTrue();
        }

        assertThat(throttle.reserve("acme", "victim@x.example", "198.51.100.1").allowed())
                .isFalse();
    }

    @Test
    void parallel_guesses_cannot_all_pass_before_any_is_counted() throws Exception {
        int guessers = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < guessers; i++) {
                String address = "203.0.113." + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return throttle.reserve("acme", "victim@x.example", address).allowed();
                }));
            }
            start.countDown();
            long allowed = 0;
            for (Future<Boolean> outcome : outcomes) {
                allowed += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(allowed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_guesser_locks_the_account_but_not_its_owner_at_an_address_they_signed_in_from() {
        LoginThrottle.Attempt earlier = throttle.reserve("acme", "agnes@acme.example", "192.0.2.10");
        throttle.succeeded(earlier, "192.0.2.10");
        for (int i = 0; i < 5; i++) {
            throttle.reserve("acme", "agnes@acme.example", "203.0.113.66");
        }

        assertThat(throttle.reserve("acme", "agnes@acme.example", "198.51.100.1")
                        .allowed())
                .isFalse();
        assertThat(throttle.reserve("acme", "agnes@acme.example", "192.0.2.10").allowed())
                .isTrue();
    }

    @Test
    void a_sign_in_that_succeeds_or_never_ran_costs_nothing() {
        for (int i = 0; i < 30; i++) {
            LoginThrottle.Attempt attempt = throttle.reserve("acme", "agnes@acme.example", "192.0.2.10");
            assertThat(attempt.allowed()).isTrue();
            if (i % 2 == 0) {
                throttle.succeeded(attempt, "192.0.2.10");
            } else {
                throttle.refund(attempt);
            }
        }

        LoginThrottle.Attempt next = throttle.reserve("acme", "agnes@acme.example", "192.0.2.10");

        assertThat(next.allowed()).isTrue();
        assertThat(next.quota()).isEqualTo(new Quota(20, 19, 900)); // a known address: the account's count is not shown
    }

    @Test
    void twenty_attempts_from_one_address_lock_it_for_every_account_and_the_lock_wears_off() {
        for (int i = 0; i < 20; i++) {
            throttle.reserve("acme", "nobody" + i + "@acme.example", "203.0.113.66");
        }

        LoginThrottle.Attempt refused = throttle.reserve("acme", "agnes@acme.example", "203.0.113.66");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.quota()).isEqualTo(new Quota(20, 0, 900));
        assertThat(throttle.reserve("acme", "agnes@acme.example", "198.51.100.1")
                        .allowed())
                .isTrue();

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(throttle.reserve("acme", "agnes@acme.example", "203.0.113.66")
                        .allowed())
                .isTrue();
    }
}
