package org.supportdesk.application.ids;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;
import org.supportdesk.domain.port.IdGenerator;

/**
 * RFC 9562 version 7 UUIDs: a millisecond timestamp, a 12-bit counter, then random bits. The counter keeps ids made
 * in the same millisecond in creation order, which the conversation relies on to order messages of one instant.
 */
public final class TimeOrderedIds implements IdGenerator {
    private static final int MAX_COUNTER = 0xFFF;

    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int counter;

    public TimeOrderedIds(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized UUID newId() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(MAX_COUNTER / 2); // headroom for ids made within this millisecond
        } else if (counter < MAX_COUNTER) {
            counter++;
        } else {
            lastMillis++; // counter exhausted or the clock stepped back: borrow the next millisecond
            counter = 0;
        }
        long mostSignificant = (lastMillis << 16) | 0x7000L | counter;
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
