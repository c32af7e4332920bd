package org.supportdesk.domain.sla;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.SlaTarget;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The SLA engine: a pure function of (policy version, calendar version, the ticket's history, now). The same inputs
 * always give the same explanation; nothing is read from the wall clock.
 *
 * <p>It folds the timeline into the spans in which each clock runs, then walks the calendar's open intervals over
 * those spans, so its cost grows with the number of facts and of calendar days spanned, not with minutes. Facts after
 * {@code now} are ignored.
 *
 * <ul>
 *   <li>First response runs from filing until the first public staff reply, or until the ticket is first resolved or
 *       closed without one; that stop is final.
 *   <li>Resolution runs while {@code new} or {@code in_progress}, pauses in {@code waiting_on_customer} and {@code
 *       on_hold}, stops at {@code resolved}/{@code closed}, and resumes on reopen keeping the time used.
 *   <li>A running or paused clock is measured against the current priority's target; a stopped one against the
 *       priority in force when it stopped.
 *   <li>A clock is breached when its used time reached the target before the end of its last running span (for a
 *       running clock, before now); the breach time is the instant it reached the target.
 * </ul>
 */
public final class SlaCalculator {
    private SlaCalculator() {}

    /**
     * Explains both clocks of a ticket as of {@code now}.
     *
     * @param policy the policy version the ticket is measured under
     * @param calendar the calendar version the ticket is measured under
     * @throws NoOpeningHours if the calendar is never open
     * @throws IllegalArgumentException if {@code now} is before the ticket was filed
     */
    public static SlaExplanation explain(
            SlaPolicy policy, BusinessCalendar calendar, SlaTimeline timeline, Instant now) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(now, "now");
        if (now.isBefore(timeline.filedAt())) {
            throw new IllegalArgumentException("cannot explain a ticket before it was filed: " + now);
        }
        if (!calendar.hasOpeningHours()) {
            throw Cursors.noOpeningHours(calendar);
        }
        Fold fold = Fold.of(timeline, Micros.of(now));
        SlaClock firstResponse = measure(
                SlaTarget.FIRST_RESPONSE,
                policy,
                calendar,
                fold.firstResponse,
                fold.firstResponseStopped,
                false,
                fold.firstResponseStoppedAt,
                fold.firstResponseStopped ? fold.firstResponsePriority : fold.priority,
                fold.now);
        SlaClock resolution = measure(
                SlaTarget.RESOLUTION,
                policy,
                calendar,
                fold.resolution,
                fold.resolutionStopped,
                !fold.status.isOpen() ? false : !fold.status.resolutionClockRuns(),
                fold.resolutionStoppedAt,
                fold.resolutionStopped ? fold.resolutionPriority : fold.priority,
                fold.now);
        return new SlaExplanation(policy.version(), calendar.version(), now, firstResponse, resolution);
    }

    private static SlaClock measure(
            SlaTarget target,
            SlaPolicy policy,
            BusinessCalendar calendar,
            Spans running,
            boolean stopped,
            boolean paused,
            long stoppedAt,
            Priority priority,
            long now) {
        long goal = Micros.of(policy.target(priority, target));
        OpenCursor cursor = Cursors.from(calendar, running.size > 0 ? running.bounds[0] : now);
        boolean current = false;
        long used = 0;
        long reachedAt = Long.MIN_VALUE;
        boolean reached = false;
        long lastEnd = Long.MIN_VALUE;
        Intervals counted = new Intervals();
        for (int i = 0; i < running.size; i += 2) {
            long position = running.bounds[i];
            long end = running.bounds[i + 1];
            lastEnd = end;
            while (position < end) {
                if (!current || cursor.end() <= position) {
                    current = cursor.next(end);
                    if (!current) {
                        break;
                    }
                    continue;
                }
                long from = Math.max(cursor.start(), position);
                if (from >= end) {
                    break;
                }
                long to = Math.min(cursor.end(), end);
                if (!reached && used + (to - from) >= goal) {
                    reached = true;
                    reachedAt = from + (goal - used);
                }
                used += to - from;
                counted.add(from, to);
                position = to;
            }
        }
        Optional<Instant> due = Optional.empty();
        Optional<Instant> breachedAt = Optional.empty();
        Optional<Instant> metAt = Optional.empty();
        ClockState state;
        if (reached && reachedAt < lastEnd) {
            state = ClockState.BREACHED;
            due = Optional.of(Micros.instant(reachedAt));
            breachedAt = due;
        } else if (stopped) {
            state = ClockState.MET;
            metAt = Optional.of(Micros.instant(stoppedAt));
        } else if (paused) {
            state = ClockState.PAUSED;
        } else {
            state = ClockState.RUNNING;
            due = Optional.of(
                    Micros.instant(reached ? reachedAt : dueFrom(calendar, cursor, current, now, goal - used)));
        }
        return new SlaClock(
                target,
                state,
                priority,
                Micros.duration(goal),
                Micros.duration(used),
                due,
                breachedAt,
                metAt,
                counted.toList());
    }

    /** Walks open time forward from {@code position} until {@code left} more business time has passed. */
    private static long dueFrom(
            BusinessCalendar calendar, OpenCursor cursor, boolean current, long position, long left) {
        while (true) {
            if (!current || cursor.end() <= position) {
                current = cursor.next(Long.MAX_VALUE);
                if (!current) {
                    throw Cursors.noOpeningHours(calendar);
                }
                continue;
            }
            long from = Math.max(cursor.start(), position);
            long available = cursor.end() - from;
            if (available >= left) {
                return from + left;
            }
            left -= available;
            position = cursor.end();
        }
    }

    /** Sorted, disjoint spans {@code [start, end)} in epoch microseconds, flattened. */
    private static final class Spans {
        private long[] bounds = new long[8];
        private int size;

        void add(long start, long end) {
            if (end <= start) {
                return;
            }
            if (size == bounds.length) {
                bounds = Arrays.copyOf(bounds, size * 2);
            }
            bounds[size++] = start;
            bounds[size++] = end;
        }
    }

    /** The timeline folded up to {@code now}: when each clock ran, whether it stopped, and the priorities. */
    private static final class Fold {
        final Spans firstResponse = new Spans();
        final Spans resolution = new Spans();
        long now;
        Priority priority;
        TicketStatus status;
        boolean firstResponseStopped;
        long firstResponseStoppedAt;
        Priority firstResponsePriority;
        boolean resolutionStopped;
        long resolutionStoppedAt;
        Priority resolutionPriority;

        static Fold of(SlaTimeline timeline, long now) {
            Fold fold = new Fold();
            fold.now = now;
            long filed = 0;
            long runningSince = 0;
            for (SlaTimeline.Fact fact : timeline.facts()) {
                long at = Micros.of(fact.at());
                if (at > now) {
                    break;
                }
                // Each fact yields when the resolution clock last started running; an expression, so a new kind of
                // fact does not compile until the fold says what it does.
                runningSince = switch (fact.kind()) {
                    case FILED -> {
                        filed = at;
                        fold.priority = ((SlaTimeline.Filed) fact).priority();
                        fold.status = TicketStatus.NEW;
                        yield at;
                    }
                    case STATUS_ENTERED -> {
                        TicketStatus to = ((SlaTimeline.StatusEntered) fact).to();
                        long since = runningSince;
                        if (fold.status.resolutionClockRuns() && !to.resolutionClockRuns()) {
                            fold.resolution.add(runningSince, at);
                        } else if (!fold.status.resolutionClockRuns() && to.resolutionClockRuns()) {
                            since = at;
                        }
                        if (!to.isOpen()) {
                            if (fold.status.isOpen()) {
                                fold.resolutionStopped = true;
                                fold.resolutionStoppedAt = at;
                                fold.resolutionPriority = fold.priority;
                            }
                            fold.stopFirstResponse(at);
                        } else {
                            fold.resolutionStopped = false;
                        }
                        fold.status = to;
                        yield since;
                    }
                    case PRIORITY_CHANGED -> {
                        fold.priority = ((SlaTimeline.PriorityChanged) fact).to();
                        yield runningSince;
                    }
                    case FIRST_PUBLIC_STAFF_REPLY -> {
                        fold.stopFirstResponse(at);
                        yield runningSince;
                    }
                };
            }
            fold.firstResponse.add(filed, fold.firstResponseStopped ? fold.firstResponseStoppedAt : now);
            if (fold.status.resolutionClockRuns()) {
                fold.resolution.add(runningSince, now);
            }
            return fold;
        }

        private void stopFirstResponse(long at) {
            if (!firstResponseStopped) {
                firstResponseStopped = true;
                firstResponseStoppedAt = at;
                firstResponsePriority = priority;
            }
        }
    }
}
