package org.supportdesk.domain.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A business calendar of weekly opening hours in an IANA time zone, closed on holidays (whole local dates).
 *
 * <p>Opening hours are local wall-clock times, so 09:00 stays 09:00 across a DST change, and the time counted is the
 * real time elapsed between the instants the local bounds map to. A local time maps to an instant as {@link
 * ZonedDateTime#of} resolves it: inside a gap it is shifted later by the length of the gap, inside an overlap the
 * earlier offset wins; both amount to reading it with the offset in force before the transition. 24:00 is 00:00 of the
 * next date, mapped the same way. An interval whose end maps to an instant not after its start counts nothing, and
 * the open time is the union of all mapped intervals of all non-holiday dates.
 */
public final class WeeklyHoursCalendar implements BusinessCalendar {
    private static final long SECONDS_PER_DAY = 86_400;
    /** No zone's offset exceeds ±18:00 ({@link java.time.ZoneOffset#MAX}). */
    private static final long MAX_OFFSET_SECONDS = 18 * 3_600;
    /** How long a merged open interval may grow before the cursor hands out its first part. */
    private static final long MAX_HELD_MICROS = 2 * SECONDS_PER_DAY * Micros.PER_SECOND;

    private final int version;
    private final ZoneId zone;
    private final WeeklyHours hours;
    private final Set<LocalDate> holidays;
    private final ZoneRules rules;
    private final long[] holidayDays;
    private final int maxClosedDays;

    public WeeklyHoursCalendar(int version, ZoneId zone, WeeklyHours hours, Set<LocalDate> holidays) {
        if (version < 1) {
            throw new IllegalArgumentException("calendar versions start at 1");
        }
        this.version = version;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.holidays = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(holidays, "holidays")));
        this.rules = zone.getRules();
        this.holidayDays =
                this.holidays.stream().mapToLong(LocalDate::toEpochDay).sorted().toArray();
        // Each holiday can close at most one open day, which lengthens a closed stretch by at most a week; the two
        // extra weeks cover open intervals that vanish inside a DST gap. A longer closed stretch cannot happen, so
        // meeting one means the search would never end.
        this.maxClosedDays = 7 * (holidayDays.length + 3);
    }

    /** Weekly hours without holidays. */
    public static WeeklyHoursCalendar of(int version, ZoneId zone, WeeklyHours hours) {
        return new WeeklyHoursCalendar(version, zone, hours, Set.of());
    }

    @Override
    public int version() {
        return version;
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours hours() {
        return hours;
    }

    /** The closed dates, in the calendar's zone, sorted. */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    @Override
    public boolean hasOpeningHours() {
        return !hours.isClosedAllWeek();
    }

    OpenCursor cursor(long fromMicros) {
        return new Cursor(fromMicros);
    }

    private boolean isHoliday(long epochDay) {
        return holidayDays.length > 0 && Arrays.binarySearch(holidayDays, epochDay) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyHoursCalendar other
                && version == other.version
                && zone.equals(other.zone)
                && hours.equals(other.hours)
                && holidays.equals(other.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, zone, hours, holidays);
    }

    @Override
    public String toString() {
        return "WeeklyHoursCalendar[v" + version + " " + zone + " " + hours + " holidays=" + holidays + "]";
    }

    /**
     * Generates the mapped intervals date by date into a small sorted, merged buffer, and hands out a piece only once
     * no later date can overlap it: every instant a date's local times map to lies at or after that date's midnight
     * read at +18:00, so that bound for the next date to generate is a safe frontier.
     */
    private final class Cursor implements OpenCursor {
        private final long origin;
        private long nextDay;
        private long[] starts = new long[8];
        private long[] ends = new long[8];
        private int pending;
        private long start;
        private long end;
        private int closedDays;
        // The offset in force on [validFrom, validTo) in epoch seconds, a cache over the zone rules.
        private boolean cached;
        private int offset;
        private long validFrom;
        private long validTo;

        Cursor(long origin) {
            this.origin = origin;
            long originSeconds = Math.floorDiv(origin, Micros.PER_SECOND);
            // A date's intervals end at most at its 24:00 read at -18:00, so earlier dates cannot reach the origin.
            this.nextDay = Math.floorDiv(originSeconds - MAX_OFFSET_SECONDS, SECONDS_PER_DAY) - 1;
        }

        @Override
        public boolean next(long limit) {
            if (hours.isClosedAllWeek()) {
                return false;
            }
            while (true) {
                long frontier = (nextDay * SECONDS_PER_DAY - MAX_OFFSET_SECONDS) * Micros.PER_SECOND;
                if (pending > 0
                        && starts[0] < frontier
                        && (ends[0] <= frontier || frontier >= limit || frontier - starts[0] >= MAX_HELD_MICROS)) {
                    if (starts[0] >= limit) {
                        return false;
                    }
                    start = starts[0];
                    end = Math.min(ends[0], frontier);
                    if (end == ends[0]) {
                        removeFirst();
                    } else {
                        starts[0] = end;
                    }
                    if (end > origin) {
                        return true;
                    }
                    continue;
                }
                if (frontier >= limit && (pending == 0 || starts[0] >= limit)) {
                    return false;
                }
                generate(nextDay++);
            }
        }

        @Override
        public long start() {
            return start;
        }

        @Override
        public long end() {
            return end;
        }

        private void generate(long epochDay) {
            int[] minutes = hours.minutesOf(Math.floorMod(epochDay + 3, 7));
            boolean added = false;
            if (minutes.length > 0 && !isHoliday(epochDay)) {
                long midnight = epochDay * SECONDS_PER_DAY;
                if (uniqueOffsetAllDay(epochDay)) {
                    for (int i = 0; i < minutes.length; i += 2) {
                        added |= insert(
                                (midnight + minutes[i] * 60L - offset) * Micros.PER_SECOND,
                                (midnight + minutes[i + 1] * 60L - offset) * Micros.PER_SECOND);
                    }
                } else {
                    LocalDate date = LocalDate.ofEpochDay(epochDay);
                    for (int i = 0; i < minutes.length; i += 2) {
                        added |= insert(instantOf(date, minutes[i]), instantOf(date, minutes[i + 1]));
                    }
                }
            }
            closedDays = added ? 0 : closedDays + 1;
            if (closedDays > maxClosedDays) {
                throw Cursors.noOpeningHours(WeeklyHoursCalendar.this);
            }
        }

        /** The slow, general mapping, used near offset transitions. */
        private long instantOf(LocalDate date, int minuteOfDay) {
            ZonedDateTime local = minuteOfDay == 24 * 60
                    ? ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, zone)
                    : ZonedDateTime.of(date, LocalTime.ofSecondOfDay(minuteOfDay * 60L), zone);
            return local.toEpochSecond() * Micros.PER_SECOND;
        }

        /**
         * True when one offset is in force from 36 hours before to 36 hours after the date (offsets differ by at most
         * 36 hours), so every local time of the date, 24:00 included, has exactly that offset and no other: no gap,
         * no overlap, and the fast mapping agrees with {@link ZonedDateTime#of}.
         */
        private boolean uniqueOffsetAllDay(long epochDay) {
            long midnight = epochDay * SECONDS_PER_DAY;
            long instant = midnight - offset;
            if (!cached || instant < validFrom || instant >= validTo) {
                refresh(instant);
                instant = midnight - offset;
            }
            return instant - 2 * SECONDS_PER_DAY >= validFrom && instant + 3 * SECONDS_PER_DAY <= validTo;
        }

        private void refresh(long epochSecond) {
            Instant at = Instant.ofEpochSecond(epochSecond);
            offset = rules.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition next = rules.nextTransition(at);
            ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
            validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
            validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            cached = true;
        }

        /** Adds {@code [s, e)} to the sorted, merged buffer; answers whether it was non-empty. */
        private boolean insert(long s, long e) {
            if (e <= s) {
                return false;
            }
            if (pending == starts.length) {
                starts = Arrays.copyOf(starts, pending * 2);
                ends = Arrays.copyOf(ends, pending * 2);
            }
            if (pending == 0 || s > ends[pending - 1]) {
                starts[pending] = s;
                ends[pending] = e;
                pending++;
                return true;
            }
            if (s >= starts[pending - 1]) {
                ends[pending - 1] = Math.max(ends[pending - 1], e);
                return true;
            }
            // Out of order: only next to a DST gap. Rebuild the buffer the plain way.
            long[][] all = new long[pending + 1][];
            for (int i = 0; i < pending; i++) {
                all[i] = new long[] {starts[i], ends[i]};
            }
            all[pending] = new long[] {s, e};
            Arrays.sort(all, (x, y) -> Long.compare(x[0], y[0]));
            pending = 0;
            for (long[] piece : all) {
                if (pending > 0 && piece[0] <= ends[pending - 1]) {
                    ends[pending - 1] = Math.max(ends[pending - 1], piece[1]);
                } else {
                    starts[pending] = piece[0];
                    ends[pending] = piece[1];
                    pending++;
                }
            }
            return true;
        }

        private void removeFirst() {
            System.arraycopy(starts, 1, starts, 0, pending - 1);
            System.arraycopy(ends, 1, ends, 0, pending - 1);
            pending--;
        }
    }
}
