package org.supportdesk.domain.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * Generates random but reproducible SLA cases: minute-aligned histories on random calendars, biased towards the hard
 * parts (DST switch days, half- and quarter-hour offsets, intervals inside a DST gap or overlap, holidays, ties).
 */
final class RandomCases {
    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("UTC"),
            ZoneId.of("Europe/London"),
            ZoneId.of("Europe/Dublin"),
            ZoneId.of("America/Los_Angeles"),
            ZoneId.of("America/Sao_Paulo"),
            ZoneId.of("America/Santiago"),
            ZoneId.of("America/St_Johns"),
            ZoneId.of("America/Havana"),
            ZoneId.of("Australia/Adelaide"),
            ZoneId.of("Pacific/Auckland"),
            ZoneId.of("Pacific/Chatham"),
            ZoneId.of("Asia/Tehran"),
            ZoneId.of("Africa/Casablanca"),
            ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Pacific/Kiritimati"));

    private static final Map<TicketStatus, List<TicketStatus>> NEXT = Map.of(
            TicketStatus.NEW,
                    List.of(
                            TicketStatus.IN_PROGRESS,
                            TicketStatus.WAITING_ON_CUSTOMER,
                            TicketStatus.ON_HOLD,
                            TicketStatus.RESOLVED,
                            TicketStatus.CLOSED),
            TicketStatus.IN_PROGRESS,
                    List.of(
                            TicketStatus.WAITING_ON_CUSTOMER,
                            TicketStatus.ON_HOLD,
                            TicketStatus.RESOLVED,
                            TicketStatus.CLOSED),
            TicketStatus.WAITING_ON_CUSTOMER,
                    List.of(TicketStatus.IN_PROGRESS, TicketStatus.ON_HOLD, TicketStatus.RESOLVED, TicketStatus.CLOSED),
            TicketStatus.ON_HOLD,
                    List.of(
                            TicketStatus.IN_PROGRESS,
                            TicketStatus.WAITING_ON_CUSTOMER,
                            TicketStatus.RESOLVED,
                            TicketStatus.CLOSED),
            TicketStatus.RESOLVED, List.of(TicketStatus.IN_PROGRESS, TicketStatus.CLOSED),
            TicketStatus.CLOSED, List.of());

    /** One generated case. */
    record Case(long seed, SlaPolicy policy, BusinessCalendar calendar, SlaTimeline timeline, Instant now) {
        @Override
        public String toString() {
            return "case seed=" + seed + "\n  policy=" + policy + "\n  calendar=" + calendar + "\n  timeline="
                    + timeline + "\n  now=" + now;
        }
    }

    private final Random random;
    private final long seed;

    RandomCases(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A full random case with a span of at most {@code maxSpanDays}. */
    Case next(int maxSpanDays) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        Instant filed = filingInstant(zone);
        long spanMinutes = spanMinutes(maxSpanDays);
        BusinessCalendar calendar = calendar(zone, filed, spanMinutes);
        SlaTimeline timeline = timeline(filed, spanMinutes, 50, true, true);
        Instant now = filed.plus(Duration.ofMinutes(random.nextInt((int) spanMinutes + 1)));
        if (random.nextInt(3) == 0) {
            Instant lastFact = timeline.facts().get(timeline.facts().size() - 1).at();
            now = lastFact.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? 0 : random.nextInt(3 * 24 * 60)));
        }
        return new Case(seed, policy(), calendar, timeline, now);
    }

    Random random() {
        return random;
    }

    long spanMinutes(int maxSpanDays) {
        return random.nextInt(4) == 0
                ? 1 + random.nextInt(24 * 60)
                : 1 + (long) random.nextInt(maxSpanDays) * 24 * 60 + random.nextInt(24 * 60);
    }

    /** A minute in 2025-2027, half of the time a few days before a DST switch of the zone. */
    Instant filingInstant(ZoneId zone) {
        Instant start = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (random.nextBoolean()) {
            var transition = zone.getRules().nextTransition(start.plus(Duration.ofDays(random.nextInt(900))));
            if (transition != null) {
                return transition.getInstant().minus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
            }
        }
        return start.plus(Duration.ofMinutes(random.nextInt(3 * 365 * 24 * 60)));
    }

    SlaPolicy policy() {
        if (random.nextInt(3) == 0) {
            return SlaPolicy.defaults();
        }
        Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            targets.put(
                    priority,
                    new Targets(1 + random.nextInt(random.nextBoolean() ? 120 : 2400), 1 + random.nextInt(3000)));
        }
        return new SlaPolicy(1 + random.nextInt(5), targets);
    }

    /** Always open a sixth of the time, otherwise weekly hours with at least six open hours a week. */
    BusinessCalendar calendar(ZoneId zone, Instant filed, long spanMinutes) {
        int version = 1 + random.nextInt(9);
        if (random.nextInt(6) == 0) {
            return new AlwaysOpen(version);
        }
        WeeklyHours hours;
        do {
            hours = weeklyHours();
        } while (openMinutesPerWeek(hours) < 6 * 60);
        Set<LocalDate> holidays = new HashSet<>();
        int count = random.nextInt(6);
        LocalDate first = filed.atZone(zone).toLocalDate();
        for (int i = 0; i < count; i++) {
            holidays.add(first.plusDays(random.nextInt((int) (spanMinutes / (24 * 60)) + 10)));
        }
        return new WeeklyHoursCalendar(version, zone, hours, holidays);
    }

    WeeklyHours weeklyHours() {
        switch (random.nextInt(5)) {
            case 0:
                return WeeklyHours.mondayToFriday(OpeningInterval.parse("09:00", "17:00"));
            case 1:
                // Open across the DST switch hours: real elapsed time counts.
                return WeeklyHours.everyDay(OpeningInterval.allDay());
            case 2:
                // An overnight shift.
                return WeeklyHours.mondayToFriday(
                        OpeningInterval.parse("00:00", "06:00"), OpeningInterval.parse("22:00", "24:00"));
            default:
                Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (random.nextInt(10) < 7) {
                        days.put(day, intervals());
                    }
                }
                return WeeklyHours.of(days);
        }
    }

    /** One to three intervals of a day, with bounds often near the small hours where DST switches happen. */
    List<OpeningInterval> intervals() {
        int count = 1 + random.nextInt(3);
        TreeSet<Integer> cuts = new TreeSet<>();
        while (cuts.size() < 2 * count) {
            int minute;
            switch (random.nextInt(4)) {
                case 0:
                    minute = 30 * random.nextInt(49);
                    break;
                case 1:
                    minute = 60 + random.nextInt(4 * 60);
                    break;
                case 2:
                    minute = random.nextBoolean() ? 0 : 24 * 60;
                    break;
                default:
                    minute = random.nextInt(24 * 60 + 1);
            }
            cuts.add(minute);
        }
        List<OpeningInterval> out = new ArrayList<>();
        Integer[] bounds = cuts.toArray(new Integer[0]);
        for (int i = 0; i < bounds.length; i += 2) {
            out.add(new OpeningInterval(time(bounds[i]), time(bounds[i + 1])));
        }
        return out;
    }

    private static LocalTime time(int minuteOfDay) {
        return minuteOfDay == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(minuteOfDay * 60L);
    }

    static long openMinutesPerWeek(WeeklyHours hours) {
        long total = 0;
        for (List<OpeningInterval> day : hours.days().values()) {
            for (OpeningInterval interval : day) {
                total += interval.toMinute() - interval.fromMinute();
            }
        }
        return total;
    }

    /**
     * A lifecycle walk of up to {@code maxStatusChanges} status changes within the span, with priority changes and a
     * public staff reply mixed in; instants on whole minutes, sometimes tied.
     */
    SlaTimeline timeline(
            Instant filed, long spanMinutes, int maxStatusChanges, boolean priorityChanges, boolean reply) {
        Priority priority = Priority.values()[random.nextInt(4)];
        int changes = random.nextInt(maxStatusChanges + 1);
        int others = (priorityChanges ? random.nextInt(4) : 0) + (reply && random.nextInt(4) != 0 ? 1 : 0);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < changes + others; i++) {
            offsets.add(
                    random.nextInt(5) == 0 && !offsets.isEmpty()
                            ? offsets.get(random.nextInt(offsets.size()))
                            : (long) random.nextInt((int) spanMinutes + 1));
        }
        offsets.sort(null);
        List<Integer> kinds = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            kinds.add(0);
        }
        boolean replyAdded = false;
        for (int i = 0; i < others; i++) {
            if (reply && !replyAdded && (i == others - 1 || random.nextBoolean())) {
                kinds.add(2);
                replyAdded = true;
            } else {
                kinds.add(1);
            }
        }
        java.util.Collections.shuffle(kinds, random);

        SlaTimeline timeline = SlaTimeline.filed(filed, priority);
        TicketStatus status = TicketStatus.NEW;
        for (int i = 0; i < offsets.size(); i++) {
            Instant at = filed.plus(Duration.ofMinutes(offsets.get(i)));
            switch (kinds.get(i)) {
                case 0:
                    List<TicketStatus> options = NEXT.get(status);
                    if (options.isEmpty()) {
                        continue;
                    }
                    // Closing ends the story, so keep it rare.
                    TicketStatus to = options.get(random.nextInt(options.size()));
                    if (to == TicketStatus.CLOSED && random.nextInt(4) != 0) {
                        to = options.get(0);
                    }
                    timeline = timeline.statusChanged(at, to);
                    status = to;
                    break;
                case 1:
                    timeline = timeline.priorityChanged(at, Priority.values()[random.nextInt(4)]);
                    break;
                default:
                    timeline = timeline.firstPublicStaffReply(at);
            }
        }
        return timeline;
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
