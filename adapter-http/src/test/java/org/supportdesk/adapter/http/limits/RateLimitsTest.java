package org.supportdesk.adapter.http.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.supportdesk.adapter.http.ApiCode;
import org.supportdesk.adapter.http.HttpProblem;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

class RateLimitsTest {
    final ManualTime time = new ManualTime();
    final RateLimits limits = new RateLimits(new RateLimits.Policy(3, 5, 2, Duration.ofMinutes(1)), time);
    final TenantId acme = new TenantId(UUID.randomUUID());
    final TenantId globex = new TenantId(UUID.randomUUID());

    @Test
    void each_request_spends_one_and_the_headers_show_what_is_left() {
        Optional<Actor> agnes = staff(acme);

        Quota first = limits.charge(agnes, "127.0.0.1");
        Quota second = limits.charge(agnes, "127.0.0.1");

        assertThat(first).isEqualTo(new Quota(3, 2, 20));
        assertThat(second.remaining()).isEqualTo(1);
        assertThat(second.resetSeconds()).isEqualTo(40);
    }

    @Test
    void over_the_limit_is_429_with_retry_after_until_the_bucket_refills() {
        Optional<Actor> agnes = staff(acme);
        for (int i = 0; i < 3; i++) {
            limits.charge(agnes, "127.0.0.1");
        }

        assertThatThrownBy(() -> limits.charge(agnes, "127.0.0.1"))
                .isInstanceOfSatisfying(HttpProblem.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ApiCode.RATE_LIMITED);
                    assertThat(refused.headers())
                            .containsEntry("Retry-After", "20")
                            .containsEntry("RateLimit-Remaining", "0")
                            .containsEntry("RateLimit-Limit", "3");
                });

        time.advance(Duration.ofSeconds(20));

        assertThat(limits.charge(agnes, "127.0.0.1").remaining()).isZero();
    }

    @Test
    void one_tenant_spending_its_whole_quota_leaves_another_tenant_untouched() {
        for (int i = 0; i < 5; i++) {
            limits.charge(staff(acme), "127.0.0.1"); // five different people, one tenant
        }

        assertThatThrownBy(() -> limits.charge(staff(acme), "127.0.0.1")).isInstanceOf(HttpProblem.class);
        assertThat(limits.charge(staff(globex), "127.0.0.1").remaining()).isEqualTo(2);
    }

    @Test
    void requests_without_a_sign_in_count_per_address() {
        limits.charge(Optional.empty(), "203.0.113.9");
        limits.charge(Optional.empty(), "203.0.113.9");

        assertThatThrownBy(() -> limits.charge(Optional.empty(), "203.0.113.9")).isInstanceOf(HttpProblem.class);
        assertThat(limits.charge(Optional.empty(), "198.51.100.1").remaining()).isEqualTo(1);
        assertThat(limits.charge(staff(acme), "203.0.113.9").remaining()).isEqualTo(2);
    }

    @Test
    void an_answer_already_decided_is_counted_but_never_refused() {
        limits.count("203.0.113.9");
        limits.count("203.0.113.9");

        assertThat(limits.count("203.0.113.9").remaining()).isZero();
        assertThatThrownBy(() -> limits.charge(Optional.empty(), "203.0.113.9")).isInstanceOf(HttpProblem.class);
    }

    @Test
    void the_tighter_quota_is_the_one_closer_to_running_out() {
        Quota roomy = new Quota(100, 50, 10);
        Quota tight = new Quota(5, 1, 60);

        assertThat(roomy.tighter(tight)).isEqualTo(tight);
        assertThat(tight.tighter(roomy)).isEqualTo(tight);
        assertThat(new Quota(5, 1, 10).tighter(tight)).isEqualTo(tight);
    }

    private static Optional<Actor> staff(TenantId tenant) {
        return Optional.of(new StaffActor(tenant, new UserId(UUID.randomUUID()), "Agnes", Role.AGENT));
    }

    /** Time that moves only when the test moves it. */
    static final class ManualTime implements TimeMeter {
        private long nanos = TimeUnit.DAYS.toNanos(1);

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
