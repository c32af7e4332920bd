package org.supportdesk.domain.ticket;

import java.util.Objects;
import java.util.UUID;

/** A message's identity; time-ordered, so it breaks ties between messages of the same instant. */
public record MessageId(UUID value) implements Comparable<MessageId> {
    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int compareTo(MessageId other) {
        return UuidOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
