package org.supportdesk.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open span of time {@code [from, to)} between two instants. */
public record Interval(Instant from, Instant to) {
    public Interval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an interval cannot end before it starts: " + from + " > " + to);
        }
    }

    public Duration duration() {
        return Duration.between(from, to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
