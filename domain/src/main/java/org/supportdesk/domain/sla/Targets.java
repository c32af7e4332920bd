package org.supportdesk.domain.sla;

import java.time.Duration;
import java.util.Objects;
import org.supportdesk.domain.ticket.SlaTarget;

/** The two targets of one priority, in business minutes. */
public record Targets(int firstResponseMinutes, int resolutionMinutes) {
    public Targets {
        if (firstResponseMinutes < 1 || resolutionMinutes < 1) {
            throw new IllegalArgumentException("SLA targets are at least one business minute");
        }
    }

    public int minutes(SlaTarget target) {
        Objects.requireNonNull(target, "target");
        return switch (target) {
            case FIRST_RESPONSE -> firstResponseMinutes;
            case RESOLUTION -> resolutionMinutes;
        };
    }

    public Duration duration(SlaTarget target) {
        return Duration.ofMinutes(minutes(target));
    }
}
