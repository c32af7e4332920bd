package org.supportdesk.application.testing;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.supportdesk.domain.port.IdGenerator;

/** Predictable ids that sort in the order they were made, like the UUIDv7 ids of production. */
public final class SequentialIds implements IdGenerator {
    private final AtomicLong next = new AtomicLong(1);

    @Override
    public UUID newId() {
        return new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0000L | next.getAndIncrement());
    }
}
