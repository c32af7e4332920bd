package org.supportdesk.application.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the dispatcher retries (§13): an attempt that fails waits {@code baseBackoff × 2^(attempts−1)}, capped at
 * {@code maxBackoff}, with full jitter over its upper half; after {@code maxAttempts} the delivery is parked. While an
 * attempt is in flight the delivery is leased for {@code lease}, which must outlast the channel's own timeout: a
 * dispatcher that dies mid-attempt leaves the delivery to be taken again when the lease ends.
 */
public record DispatchPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration lease) {
    public DispatchPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(lease, "lease");
        if (baseBackoff.isNegative() || baseBackoff.isZero() || maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive, and its cap at least its base");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
    }

    /** The server's defaults: 10 attempts from 5 s doubling to an hour (about 1.5 h in all), 60 s lease. */
    public static DispatchPolicy standard() {
        return new DispatchPolicy(10, Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(60));
    }

    /** The wait after the {@code attempts}-th failed attempt: exponential, capped, jittered in [½, 1] of it. */
    public Duration backoffAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long base = baseBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long delay = doublings >= 62 || base > (cap >> doublings) ? cap : Math.min(cap, base << doublings);
        long half = delay / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(delay - half + 1));
    }
}
