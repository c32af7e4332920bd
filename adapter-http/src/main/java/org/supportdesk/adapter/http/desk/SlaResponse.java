package org.supportdesk.adapter.http.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.sla.SlaClock;
import org.supportdesk.domain.sla.SlaExplanation;
import org.supportdesk.domain.ticket.SlaTarget;

/** {@code GET /tickets/{id}/sla} (§17): per target the minutes, state, due time and the intervals that counted. */
public record SlaResponse(int policyVersion, int calendarVersion, Instant asOf, Map<String, Target> targets) {

    /** One SLA clock explained. */
    public record Target(
            long targetMinutes,
            long usedMinutes,
            long remainingMinutes,
            Optional<Instant> dueAt,
            String state,
            String priority,
            Optional<Instant> metAt,
            Optional<Instant> breachedAt,
            List<Span> counted) {}

    /** A stretch of time that counted, {@code [from, to)}. */
    public record Span(Instant from, Instant to) {}

    static SlaResponse of(SlaExplanation e) {
        return new SlaResponse(
                e.policyVersion(),
                e.calendarVersion(),
                e.asOf(),
                Map.of(
                        SlaTarget.FIRST_RESPONSE.wireName(), target(e.firstResponse()),
                        SlaTarget.RESOLUTION.wireName(), target(e.resolution())));
    }

    private static Target target(SlaClock clock) {
        return new Target(
                clock.policyMinutes(),
                clock.usedMinutes(),
                clock.remainingMinutes(),
                clock.dueAt(),
                clock.state().wireName(),
                clock.priority().wireName(),
                clock.metAt(),
                clock.breachedAt(),
                clock.counted().stream().map(i -> new Span(i.from(), i.to())).collect(Collectors.toList()));
    }
}
