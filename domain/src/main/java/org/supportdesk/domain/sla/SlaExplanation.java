package org.supportdesk.domain.sla;

import java.time.Instant;
import java.util.Objects;
import org.supportdesk.domain.ticket.SlaTarget;

/** A ticket's two SLA clocks as of one moment, and the policy and calendar versions they were measured under. */
public record SlaExplanation(
        int policyVersion, int calendarVersion, Instant asOf, SlaClock firstResponse, SlaClock resolution) {
    public SlaExplanation {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
    }

    public SlaClock clock(SlaTarget target) {
        return switch (target) {
            case FIRST_RESPONSE -> firstResponse;
            case RESOLUTION -> resolution;
        };
    }
}
