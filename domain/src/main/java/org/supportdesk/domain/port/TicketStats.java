package org.supportdesk.domain.port;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The figures of the tickets that match a filter within a {@link StatsWindow} (§10 stats), as {@link TicketQueries}
 * counts them. Each count equals the total of the ticket list for the same filter narrowed the same way (for
 * {@code unassigned}, with {@code assignee=none}; for the breaches, with the breach recorded).
 *
 * @param byStatus every status, with zero where none matched
 * @param unassigned the matches with no assignee, whatever their status
 * @param breached how many have their first-response target breached, their resolution target, and either
 * @param firstResponse wall-clock time from creation to the first public staff reply, over the matches that have one
 * @param resolution wall-clock time from creation to {@code resolved_at}, over the matches resolved now (a reopened
 *     ticket has none; a resolved ticket keeps its resolution time when it closes)
 * @param csat the requesters' ratings of the matches rated
 * @param perDay every UTC day of the window with the number of matches created on it, zeros included
 */
public record TicketStats(
        StatsWindow window,
        long total,
        Map<TicketStatus, Long> byStatus,
        long unassigned,
        Breaches breached,
        Durations firstResponse,
        Durations resolution,
        Ratings csat,
        List<DayCount> perDay) {

    public TicketStats {
        Objects.requireNonNull(window, "window");
        byStatus = Map.copyOf(byStatus);
        if (!byStatus.keySet().containsAll(List.of(TicketStatus.values()))) {
            throw new IllegalArgumentException("every status has a count");
        }
        Objects.requireNonNull(breached, "breached");
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(csat, "csat");
        perDay = List.copyOf(perDay);
        if (!perDay.stream().map(DayCount::day).collect(Collectors.toList()).equals(window.days())) {
            throw new IllegalArgumentException("one count per day of the window, in order");
        }
    }

    /** The share of matches resolved or closed, to four decimal places; empty when nothing matched. */
    public Optional<BigDecimal> resolutionRate() {
        if (total == 0) {
            return Optional.empty();
        }
        long done = byStatus.get(TicketStatus.RESOLVED) + byStatus.get(TicketStatus.CLOSED);
        return Optional.of(BigDecimal.valueOf(done).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP));
    }

    /** Nothing matched: every count zero, no durations, no ratings. */
    public static TicketStats none(StatsWindow window) {
        Map<TicketStatus, Long> statuses = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            statuses.put(status, 0L);
        }
        return new TicketStats(
                window,
                0,
                statuses,
                0,
                new Breaches(0, 0, 0),
                Durations.NONE,
                Durations.NONE,
                new Ratings(0, 0),
                perDay(window, Map.of()));
    }

    /** One count per day of {@code window}, from the days that had any; the others count zero. */
    public static List<DayCount> perDay(StatsWindow window, Map<LocalDate, Long> counted) {
        return window.days().stream()
                .map(day -> new DayCount(day, counted.getOrDefault(day, 0L)))
                .collect(Collectors.toList());
    }

    /** Breached targets among the matches: first response, resolution, and either (the list's sla_breached). */
    public record Breaches(long firstResponse, long resolution, long any) {}

    /** How many tickets were created on one UTC day. */
    public record DayCount(LocalDate day, long count) {
        public DayCount {
            Objects.requireNonNull(day, "day");
        }
    }

    /**
     * Durations over {@code count} tickets: the mean and the median (the mean of the two middle values for an even
     * count), each truncated to the microsecond, the precision times are stored at; empty over no tickets.
     */
    public record Durations(long count, Optional<Duration> average, Optional<Duration> median) {
        public static final Durations NONE = new Durations(0, Optional.empty(), Optional.empty());

        public Durations {
            Objects.requireNonNull(average, "average");
            Objects.requireNonNull(median, "median");
            if ((count == 0) != average.isEmpty() || (count == 0) != median.isEmpty()) {
                throw new IllegalArgumentException("an average and a median exactly when something was measured");
            }
        }

        /**
         * The figures of durations given in microseconds, in any order: what a store computes the same way in SQL.
         */
        public static Durations ofMicros(List<Long> micros) {
            if (micros.isEmpty()) {
                return NONE;
            }
            List<Long> sorted = micros.stream().sorted().collect(Collectors.toList());
            int n = sorted.size();
            BigInteger sum = sorted.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
            long mean = sum.divide(BigInteger.valueOf(n)).longValueExact();
            return new Durations(
                    n, Optional.of(micros(mean)), Optional.of(median(sorted.get((n - 1) / 2), sorted.get(n / 2))));
        }

        /** The median of two middle values, truncated to the microsecond (both are equal for an odd count). */
        public static Duration median(long lowerMiddleMicros, long upperMiddleMicros) {
            return micros(BigInteger.valueOf(lowerMiddleMicros)
                    .add(BigInteger.valueOf(upperMiddleMicros))
                    .divide(BigInteger.TWO)
                    .longValueExact());
        }

        /** {@code micros} microseconds. */
        public static Duration micros(long micros) {
            return Duration.of(micros, ChronoUnit.MICROS);
        }
    }

    /** The ratings given: how many and their sum; the average to two decimal places. */
    public record Ratings(long count, long sum) {
        public Optional<BigDecimal> average() {
            return count == 0
                    ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
        }
    }
}
