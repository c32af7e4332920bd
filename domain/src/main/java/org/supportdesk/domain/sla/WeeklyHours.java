package org.supportdesk.domain.sla;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The opening intervals of each weekday in local wall-clock time; a weekday without intervals is closed. Intervals of
 * one day must not overlap; touching ones ({@code 09:00-12:00}, {@code 12:00-17:00}) are allowed. An overnight shift
 * is two intervals: {@code 22:00-24:00} on one day and {@code 00:00-06:00} on the next.
 */
public final class WeeklyHours {
    private final Map<DayOfWeek, List<OpeningInterval>> days;
    /** Per {@link DayOfWeek#ordinal()}: merged {@code [from, to)} minute pairs, flattened. */
    private final int[][] minutes = new int[7][];

    private WeeklyHours(Map<DayOfWeek, List<OpeningInterval>> source) {
        EnumMap<DayOfWeek, List<OpeningInterval>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningInterval> intervals = new ArrayList<>(source.getOrDefault(day, List.of()));
            intervals.forEach(i -> Objects.requireNonNull(i, "interval"));
            intervals.sort(Comparator.comparingInt(OpeningInterval::fromMinute));
            for (int i = 1; i < intervals.size(); i++) {
                if (intervals.get(i).fromMinute() < intervals.get(i - 1).toMinute()) {
                    throw new IllegalArgumentException("overlapping opening intervals on " + day + ": "
                            + intervals.get(i - 1) + ", " + intervals.get(i));
                }
            }
            if (!intervals.isEmpty()) {
                copy.put(day, List.copyOf(intervals));
            }
            minutes[day.ordinal()] = merged(intervals);
        }
        this.days = Collections.unmodifiableMap(copy);
    }

    public static WeeklyHours of(Map<DayOfWeek, List<OpeningInterval>> days) {
        return new WeeklyHours(Objects.requireNonNull(days, "days"));
    }

    /** No opening hours at all: a calendar with these hours can never reach a target. */
    public static WeeklyHours closed() {
        return new WeeklyHours(Map.of());
    }

    /** The same intervals Monday to Friday, weekends closed. */
    public static WeeklyHours mondayToFriday(OpeningInterval... intervals) {
        return closed().with(
                        List.of(
                                DayOfWeek.MONDAY,
                                DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY),
                        intervals);
    }

    /** The same intervals every day of the week. */
    public static WeeklyHours everyDay(OpeningInterval... intervals) {
        return closed().with(Arrays.asList(DayOfWeek.values()), intervals);
    }

    /** A copy with the given days' intervals replaced. */
    public WeeklyHours with(List<DayOfWeek> on, OpeningInterval... intervals) {
        EnumMap<DayOfWeek, List<OpeningInterval>> next = new EnumMap<>(DayOfWeek.class);
        next.putAll(days);
        for (DayOfWeek day : on) {
            next.put(day, List.of(intervals));
        }
        return new WeeklyHours(next);
    }

    /** A copy with one day's intervals replaced. */
    public WeeklyHours with(DayOfWeek day, OpeningInterval... intervals) {
        return with(List.of(day), intervals);
    }

    /** The open days and their intervals, sorted; closed days are absent. */
    public Map<DayOfWeek, List<OpeningInterval>> days() {
        return days;
    }

    public List<OpeningInterval> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public boolean isClosedAllWeek() {
        return days.isEmpty();
    }

    /** Merged minute pairs {@code from0, to0, from1, to1, ...} of a day; shared, do not modify. */
    int[] minutesOf(int dayOfWeekOrdinal) {
        return minutes[dayOfWeekOrdinal];
    }

    private static int[] merged(List<OpeningInterval> sorted) {
        int[] out = new int[sorted.size() * 2];
        int n = 0;
        for (OpeningInterval interval : sorted) {
            if (n > 0 && out[n - 1] == interval.fromMinute()) {
                out[n - 1] = interval.toMinute();
            } else {
                out[n++] = interval.fromMinute();
                out[n++] = interval.toMinute();
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyHours other && days.equals(other.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return days.toString();
    }
}
