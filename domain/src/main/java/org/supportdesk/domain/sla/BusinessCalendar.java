package org.supportdesk.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When a tenant's support is open (§7): business time is the real elapsed time inside open intervals. Versioned: a
 * ticket remembers the version it is measured under.
 */
public sealed interface BusinessCalendar permits AlwaysOpen, WeeklyHoursCalendar {

    /** The version of this calendar, 1 or more. */
    int version();

    /** False when the calendar is never open, so no target can be reached on it. */
    boolean hasOpeningHours();

    /** Business time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    default Duration businessTimeBetween(Instant from, Instant to) {
        long a = Micros.of(from);
        long b = Micros.of(to);
        if (b <= a) {
            return Duration.ZERO;
        }
        long total = 0;
        OpenCursor cursor = Cursors.from(this, a);
        while (cursor.next(b)) {
            total += Math.min(cursor.end(), b) - Math.max(cursor.start(), a);
        }
        return Micros.duration(Math.max(0, total));
    }

    /**
     * The earliest instant at which {@code amount} of business time has passed since {@code from}: {@code from}
     * itself for a zero amount, otherwise an instant inside or at the end of an open interval (never the start of the
     * next one).
     *
     * @throws NoOpeningHours if the calendar is never open
     */
    default Instant plusBusinessTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        long left = Micros.of(amount);
        long a = Micros.of(from);
        if (left == 0) {
            return from;
        }
        if (!hasOpeningHours()) {
            throw Cursors.noOpeningHours(this);
        }
        OpenCursor cursor = Cursors.from(this, a);
        while (cursor.next(Long.MAX_VALUE)) {
            long start = Math.max(cursor.start(), a);
            long available = cursor.end() - start;
            if (available >= left) {
                return Micros.instant(start + left);
            }
            left -= available;
        }
        throw Cursors.noOpeningHours(this);
    }

    /** The open parts of {@code [from, to)}, sorted, disjoint and never touching. */
    default List<Interval> openIntervals(Instant from, Instant to) {
        Objects.requireNonNull(to, "to");
        long a = Micros.of(from);
        long b = Micros.of(to);
        if (b <= a) {
            return List.of();
        }
        Intervals pieces = new Intervals();
        OpenCursor cursor = Cursors.from(this, a);
        while (cursor.next(b)) {
            pieces.add(Math.max(cursor.start(), a), Math.min(cursor.end(), b));
        }
        return pieces.toList();
    }
}
