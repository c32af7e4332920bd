package org.supportdesk.application.ids;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.supportdesk.domain.port.IdGenerator;

/**
 * RFC 9562 version 7 UUIDs: a millisecond timestamp, a 12-bit counter, then random bits. The counter keeps ids made
 * in the same millisecond in creation order, which the conversation relies on to order messages of one instant.
 */
public final class TimeOrderedIds implements IdGenerator {
    private static final int COUNTER_BITS = 12;

    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    /** The last timestamp and counter handed out, packed as {@code millis << 12 | counter}. */
    private final AtomicLong last = new AtomicLong();

    public TimeOrderedIds(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public UUID newId() {
        long fresh = clock.millis() << COUNTER_BITS;
        // A new millisecond starts the counter low, with headroom; within one (or if the clock stepped back) the
        // counter climbs, and its overflow carries into the timestamp, borrowing the next millisecond.
        long stamp = last.updateAndGet(
                previous -> fresh > previous ? fresh | random.nextInt(1 << (COUNTER_BITS - 1)) : previous + 1);
        long mostSignificant = ((stamp >>> COUNTER_BITS) << 16) | 0x7000L | (stamp & 0xFFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
