package org.supportdesk.domain.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.SlaTarget;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * A deliberately simple reference for {@link SlaCalculator}: it walks time one minute at a time and, for each minute
 * {@code [t, t+1m)}, asks two questions: is the clock running at {@code t} by the history, and is {@code t} inside an
 * open local interval of the calendar. It only accepts minute-aligned inputs (history instants and {@code now} on
 * whole minutes), so that with whole-minute UTC offsets every boundary falls on a minute and one-minute steps are
 * exact.
 *
 * <p>The calendar's open minutes are marked in an array straight from the definition: for each local date that is not a
 * holiday, each of its opening intervals is mapped to instants with {@link ZonedDateTime#of} (24:00 being 00:00 of the
 * next date) and the minutes between them are marked open.
 */
public final class MinuteOracle {
    private static final long MINUTE = 60;
    /** How far past {@code now} the oracle looks for a due time before giving up. */
    private static final long MAX_HORIZON_MINUTES = 3L * 366 * 24 * 60;

    /** What the oracle says about one clock; times in whole minutes. */
    public record Clock(
            ClockState state,
            long usedMinutes,
            Optional<Instant> dueAt,
            Optional<Instant> breachedAt,
            Optional<Instant> metAt) {
        /** The same view of a calculator's clock, for comparison. */
        public static Clock of(SlaClock clock) {
            return new Clock(clock.state(), clock.usedMinutes(), clock.dueAt(), clock.breachedAt(), clock.metAt());
        }
    }

    /** What the oracle says about both clocks. */
    public record Result(Clock firstResponse, Clock resolution) {
        public static Result of(SlaExplanation explanation) {
            return new Result(Clock.of(explanation.firstResponse()), Clock.of(explanation.resolution()));
        }
    }

    private MinuteOracle() {}

    public static Result explain(SlaPolicy policy, BusinessCalendar calendar, SlaTimeline timeline, Instant now) {
        List<SlaTimeline.Fact> facts = timeline.facts();
        for (SlaTimeline.Fact fact : facts) {
            requireWholeMinute(fact.at());
        }
        requireWholeMinute(now);
        long filed = timeline.filedAt().getEpochSecond();
        long end = now.getEpochSecond();

        // The state at the end decides which priority's target applies and whether a clock stopped or paused.
        State last = new State();
        for (SlaTimeline.Fact fact : facts) {
            if (fact.at().getEpochSecond() <= end) {
                last.apply(fact);
            }
        }
        long frGoal = policy.targets(last.frStopped ? last.frStopPriority : last.priority)
                .minutes(SlaTarget.FIRST_RESPONSE);
        boolean resStopped = !last.status.isOpen();
        long resGoal = policy.targets(resStopped ? last.resStopPriority : last.priority)
                .minutes(SlaTarget.RESOLUTION);

        long horizonMinutes = (end - filed) / MINUTE + 2 * Math.max(frGoal, resGoal) + 14 * 24 * 60;
        OpenMinutes open = new OpenMinutes(calendar, filed, horizonMinutes);

        Counter fr = new Counter(frGoal);
        Counter res = new Counter(resGoal);
        State state = new State();
        int next = 0;
        for (long t = filed; t < end; t += MINUTE) {
            while (next < facts.size() && facts.get(next).at().getEpochSecond() <= t) {
                state.apply(facts.get(next++));
            }
            boolean isOpen = open.isOpen(t);
            if (!state.frStopped) {
                fr.minute(t, isOpen);
            }
            if (state.status.resolutionClockRuns()) {
                res.minute(t, isOpen);
            }
        }

        Clock firstResponse = fr.result(last.frStopped, false, last.frStopAt, end, open);
        Clock resolution = res.result(
                resStopped,
                last.status == TicketStatus.WAITING_ON_CUSTOMER || last.status == TicketStatus.ON_HOLD,
                last.resStopAt,
                end,
                open);
        return new Result(firstResponse, resolution);
    }

    private static void requireWholeMinute(Instant instant) {
        if (instant.getNano() != 0 || instant.getEpochSecond() % MINUTE != 0) {
            throw new IllegalArgumentException("the oracle only takes whole minutes: " + instant);
        }
    }

    /** The history applied fact by fact, as the rules say in words. */
    private static final class State {
        TicketStatus status;
        Priority priority;
        boolean frStopped;
        long frStopAt;
        Priority frStopPriority;
        long resStopAt;
        Priority resStopPriority;

        void apply(SlaTimeline.Fact fact) {
            long at = fact.at().getEpochSecond();
            if (fact instanceof SlaTimeline.Filed filed) {
                status = TicketStatus.NEW;
                priority = filed.priority();
            } else if (fact instanceof SlaTimeline.PriorityChanged changed) {
                priority = changed.to();
            } else if (fact instanceof SlaTimeline.FirstPublicStaffReply) {
                stopFirstResponse(at);
            } else if (fact instanceof SlaTimeline.StatusEntered changed) {
                boolean wasDone = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
                boolean isDone = changed.to() == TicketStatus.RESOLVED || changed.to() == TicketStatus.CLOSED;
                if (isDone) {
                    stopFirstResponse(at);
                    if (!wasDone) {
                        resStopAt = at;
                        resStopPriority = priority;
                    }
                }
                status = changed.to();
            }
        }

        private void stopFirstResponse(long at) {
            if (!frStopped) {
                frStopped = true;
                frStopAt = at;
                frStopPriority = priority;
            }
        }
    }

    /** Counts one clock's minutes. */
    private static final class Counter {
        final long goal;
        long used;
        long reachedAt = -1;
        long lastRunningMinute = Long.MIN_VALUE;

        Counter(long goal) {
            this.goal = goal;
        }

        void minute(long t, boolean open) {
            lastRunningMinute = t;
            if (open) {
                used++;
                if (used == goal) {
                    reachedAt = t + MINUTE;
                }
            }
        }

        Clock result(boolean stopped, boolean paused, long stoppedAt, long now, OpenMinutes open) {
            // Breached: the target was reached and the clock still ran a minute at or after that instant.
            if (reachedAt >= 0 && lastRunningMinute >= reachedAt) {
                Optional<Instant> at = Optional.of(Instant.ofEpochSecond(reachedAt));
                return new Clock(ClockState.BREACHED, used, at, at, Optional.empty());
            }
            if (stopped) {
                return new Clock(
                        ClockState.MET,
                        used,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Instant.ofEpochSecond(stoppedAt)));
            }
            if (paused) {
                return new Clock(ClockState.PAUSED, used, Optional.empty(), Optional.empty(), Optional.empty());
            }
            long due = reachedAt;
            long counted = used;
            for (long t = now; due < 0; t += MINUTE) {
                if (open.isOpen(t)) {
                    counted++;
                    if (counted == goal) {
                        due = t + MINUTE;
                    }
                }
            }
            return new Clock(
                    ClockState.RUNNING,
                    used,
                    Optional.of(Instant.ofEpochSecond(due)),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    /** Which minutes from a base instant on are open, marked from the calendar's definition. */
    private static final class OpenMinutes {
        private final BusinessCalendar calendar;
        private final long base;
        private boolean[] open;

        OpenMinutes(BusinessCalendar calendar, long base, long minutes) {
            this.calendar = calendar;
            this.base = base;
            mark(minutes);
        }

        boolean isOpen(long t) {
            long index = (t - base) / MINUTE;
            if (index >= open.length) {
                if (open.length >= MAX_HORIZON_MINUTES) {
                    throw new IllegalStateException("the oracle found no due time within three years");
                }
                mark(Math.min(MAX_HORIZON_MINUTES, open.length * 2L));
            }
            return open[(int) index];
        }

        private void mark(long minutes) {
            open = new boolean[(int) minutes];
            if (calendar instanceof AlwaysOpen) {
                Arrays.fill(open, true);
                return;
            }
            WeeklyHoursCalendar weekly = (WeeklyHoursCalendar) calendar;
            ZoneId zone = weekly.zone();
            long endSecond = base + minutes * MINUTE;
            LocalDate first =
                    Instant.ofEpochSecond(base).atZone(zone).toLocalDate().minusDays(2);
            LocalDate last =
                    Instant.ofEpochSecond(endSecond).atZone(zone).toLocalDate().plusDays(2);
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                if (weekly.holidays().contains(date)) {
                    continue;
                }
                DayOfWeek day = date.getDayOfWeek();
                for (OpeningInterval interval : weekly.hours().on(day)) {
                    long from = ZonedDateTime.of(date, interval.from(), zone).toEpochSecond();
                    long to = interval.endsAtMidnight()
                            ? ZonedDateTime.of(date.plusDays(1), interval.to(), zone)
                                    .toEpochSecond()
                            : ZonedDateTime.of(date, interval.to(), zone).toEpochSecond();
                    if (from % MINUTE != 0 || to % MINUTE != 0) {
                        throw new IllegalArgumentException("the oracle needs whole-minute offsets in " + zone);
                    }
                    for (long t = Math.max(from, base); t < Math.min(to, endSecond); t += MINUTE) {
                        open[(int) ((t - base) / MINUTE)] = true;
                    }
                }
            }
        }
    }
}
