package org.supportdesk.domain.sla;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One local wall-clock opening interval of a day, {@code [from, to)}, in whole minutes; a {@code to} of
 * {@link LocalTime#MIDNIGHT} means 24:00, the end of the day.
 */
public record OpeningInterval(LocalTime from, LocalTime to) {
    private static final int MINUTES_PER_DAY = 24 * 60;

    public OpeningInterval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!wholeMinute(from) || !wholeMinute(to)) {
            throw new IllegalArgumentException("opening hours are whole minutes: " + from + "-" + to);
        }
        if (minuteOfDay(from) >= endMinute(to)) {
            throw new IllegalArgumentException("an opening interval must end after it starts: " + from + "-" + to);
        }
    }

    /** Parses {@code "HH:MM"} bounds; {@code "24:00"} is accepted as the end of the day. */
    public static OpeningInterval parse(String from, String to) {
        return new OpeningInterval(
                LocalTime.parse(from), "24:00".equals(to) ? LocalTime.MIDNIGHT : LocalTime.parse(to));
    }

    /** The interval from {@code fromMinute} to {@code toMinute} after local midnight; 1440 is 24:00. */
    public static OpeningInterval ofMinutes(int fromMinute, int toMinute) {
        if (fromMinute < 0 || toMinute > MINUTES_PER_DAY) {
            throw new IllegalArgumentException("minutes of a day run from 0 to 1440: " + fromMinute + "-" + toMinute);
        }
        return new OpeningInterval(
                LocalTime.ofSecondOfDay(fromMinute * 60L),
                toMinute == MINUTES_PER_DAY ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(toMinute * 60L));
    }

    /** The whole day, 00:00-24:00. */
    public static OpeningInterval allDay() {
        return new OpeningInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /** Minutes after local midnight at which the interval opens, 0..1439. */
    public int fromMinute() {
        return minuteOfDay(from);
    }

    /** Minutes after local midnight at which the interval closes, 1..1440 (1440 = 24:00). */
    public int toMinute() {
        return endMinute(to);
    }

    public boolean endsAtMidnight() {
        return to.equals(LocalTime.MIDNIGHT);
    }

    @Override
    public String toString() {
        return from + "-" + (endsAtMidnight() ? "24:00" : to.toString());
    }

    private static boolean wholeMinute(LocalTime t) {
        return t.getSecond() == 0 && t.getNano() == 0;
    }

    private static int minuteOfDay(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    private static int endMinute(LocalTime t) {
        return t.equals(LocalTime.MIDNIGHT) ? MINUTES_PER_DAY : minuteOfDay(t);
    }
}
