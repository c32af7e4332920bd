package org.supportdesk.domain.testing;

import java.util.UUID;
import java.util.function.Supplier;
import org.supportdesk.domain.port.IdGenerator;

/**
 * Deterministic ids for tests: 1, 2, 3 … shaped as version-7 UUIDs ({@code 00000000-0001-7000-8000-000000000001}), so
 * later ids sort after earlier ones both as {@code MessageId}s (unsigned) and as text.
 */
public final class SequentialIds implements Supplier<UUID>, IdGenerator {
    private long next;

    private SequentialIds(long first) {
        this.next = first;
    }

    /** Ids starting at 1. */
    public static SequentialIds startingAtOne() {
        return new SequentialIds(1);
    }

    /** Ids starting at {@code first}, for a second independent stream that must not collide with the first. */
    public static SequentialIds startingAt(long first) {
        if (first < 1) {
            throw new IllegalArgumentException("ids start at 1 or later");
        }
        return new SequentialIds(first);
    }

    /** The {@code n}th id of any sequence; handy to name an id in an assertion. */
    public static UUID uuid(long n) {
        return new UUID((n << 16) | 0x7000L, 0x8000_0000_0000_0000L | n);
    }

    @Override
    public synchronized UUID get() {
        return uuid(next++);
    }

    @Override
    public UUID newId() {
        return get();
    }
}
