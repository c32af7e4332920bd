package org.supportdesk.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.SlaTarget;

/**
 * One SLA clock explained at a moment: the target it measures and the priority whose minutes apply, the business
 * time used, its state, and the intervals that counted.
 *
 * <p>{@code dueAt} is present while running (the instant the used time reaches the target if the clock keeps
 * running) and when breached (the instant it reached the target, in the past, equal to {@code breachedAt}); it is
 * absent while paused and once met. {@code metAt} is the instant a met clock stopped. Whole minutes: {@link
 * #usedMinutes()} rounds down, and {@link #remainingMinutes()} is the policy minutes minus that, never below zero.
 */
public record SlaClock(
        SlaTarget target,
        ClockState state,
        Priority priority,
        Duration policy,
        Duration used,
        Optional<Instant> dueAt,
        Optional<Instant> breachedAt,
        Optional<Instant> metAt,
        List<Interval> counted) {

    public SlaClock {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(breachedAt, "breachedAt");
        Objects.requireNonNull(metAt, "metAt");
        counted = List.copyOf(counted);
    }

    public long policyMinutes() {
        return policy.toMinutes();
    }

    /** Business minutes used, rounded down: a minute counts once it has fully passed. */
    public long usedMinutes() {
        return used.toMinutes();
    }

    /** Policy minutes minus {@link #usedMinutes()}, at least zero. */
    public long remainingMinutes() {
        return Math.max(0, policyMinutes() - usedMinutes());
    }

    /** The exact business time left before the target, at least zero. */
    public Duration remaining() {
        Duration left = policy.minus(used);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
