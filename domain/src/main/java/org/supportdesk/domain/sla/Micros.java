package org.supportdesk.domain.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's internal time scale: microseconds since the epoch in a {@code long}, the precision of the domain's
 * instants. Finer digits are truncated towards the past.
 */
final class Micros {
    static final long PER_SECOND = 1_000_000L;
    static final long PER_MINUTE = 60 * PER_SECOND;

    private Micros() {}

    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1_000);
    }

    static long of(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), PER_SECOND), duration.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000);
    }

    static Duration duration(long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000);
    }
}
