package org.supportdesk.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.ticket.Priority;

class SettingBoundsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_target_beyond_the_bound_is_refused_naming_its_priority() {
        Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
        targets.put(Priority.URGENT, new Targets(60, SettingBounds.MAX_TARGET_MINUTES));
        targets.put(Priority.LOW, new Targets(60, Integer.MAX_VALUE));

        SettingBounds.check(Map.of(Priority.URGENT, targets.get(Priority.URGENT)));
        assertThatThrownBy(() -> SettingBounds.check(targets))
                .isInstanceOfSatisfying(ValidationFailed.class, refused -> assertThat(refused.errors())
                        .extracting(e -> e.field())
                        .containsExactly("targets.low"));
    }

    @Test
    void calendars_that_would_make_a_due_time_expensive_are_refused() {
        OpeningInterval tenMinutes = OpeningInterval.parse("09:00", "09:10");
        WeeklyHours thirteenIntervals = WeeklyHours.closed()
                .with(
                        DayOfWeek.MONDAY,
                        IntStream.range(0, 13)
                                .mapToObj(i -> OpeningInterval.ofMinutes(i * 60, i * 60 + 30))
                                .toArray(OpeningInterval[]::new));

        assertRefused(calendar(WeeklyHours.mondayToFriday(tenMinutes), Set.of()), "weekly_hours.monday");
        assertRefused(calendar(thirteenIntervals, Set.of()), "weekly_hours.monday");
        assertRefused(
                calendar(
                        WeeklyHours.closed().with(DayOfWeek.MONDAY, OpeningInterval.parse("09:00", "09:45")), Set.of()),
                "weekly_hours");
        assertRefused(
                calendar(WeeklyHours.mondayToFriday(OpeningInterval.parse("09:00", "17:00")), holidays(1_001)),
                "holidays");
    }

    @Test
    void the_longest_walk_the_bounds_allow_still_ends() {
        // Open one hour a week in four quarter-hours, a thousand holidays, and the largest target.
        WeeklyHours sparse = WeeklyHours.closed()
                .with(
                        DayOfWeek.WEDNESDAY,
                        OpeningInterval.parse("09:00", "09:15"),
                        OpeningInterval.parse("10:00", "10:15"),
                        OpeningInterval.parse("11:00", "11:15"),
                        OpeningInterval.parse("12:00", "12:15"));
        WeeklyHoursCalendar worst = calendar(sparse, holidays(SettingBounds.MAX_HOLIDAYS));
        SettingBounds.check(worst);

        long started = System.nanoTime();
        Instant due = worst.plusBusinessTime(
                Instant.parse("2026-03-02T09:00:00Z"), Duration.ofMinutes(SettingBounds.MAX_TARGET_MINUTES));
        System.out.printf(
                "S9 SLA bounds: the longest allowed walk reaches %s in %d ms%n",
                due, Duration.ofNanos(System.nanoTime() - started).toMillis());

        // 144,000 minutes are 2,400 open Wednesdays, after the thousand that are holidays: the 3,400th, at 12:15.
        assertThat(due)
                .isEqualTo(LocalDate.of(2026, 3, 4)
                        .plusWeeks(3_399)
                        .atTime(12, 15)
                        .atZone(BERLIN)
                        .toInstant());
    }

    private static void assertRefused(BusinessCalendar calendar, String field) {
        assertThatThrownBy(() -> SettingBounds.check(calendar))
                .isInstanceOfSatisfying(ValidationFailed.class, refused -> assertThat(refused.errors())
                        .extracting(e -> e.field())
                        .containsExactly(field));
    }

    private static WeeklyHoursCalendar calendar(WeeklyHours hours, Set<LocalDate> holidays) {
        return new WeeklyHoursCalendar(2, BERLIN, hours, holidays);
    }

    /** Consecutive Wednesdays from 2026 on, so that each closes an open day. */
    private static Set<LocalDate> holidays(int count) {
        Set<LocalDate> dates = new TreeSet<>();
        LocalDate wednesday = LocalDate.of(2026, 3, 4);
        for (int i = 0; i < count; i++) {
            dates.add(wednesday.plusWeeks(i));
        }
        return dates;
    }
}
