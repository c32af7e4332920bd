package org.supportdesk.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportdesk.domain.ticket.Priority.HIGH;
import static org.supportdesk.domain.ticket.Priority.LOW;
import static org.supportdesk.domain.ticket.Priority.MEDIUM;
import static org.supportdesk.domain.ticket.Priority.URGENT;
import static org.supportdesk.domain.ticket.TicketStatus.IN_PROGRESS;
import static org.supportdesk.domain.ticket.TicketStatus.ON_HOLD;
import static org.supportdesk.domain.ticket.TicketStatus.RESOLVED;
import static org.supportdesk.domain.ticket.TicketStatus.WAITING_ON_CUSTOMER;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Worked examples with exact instants; each one is written out in {@code docs/sla.md} style in its comment. */
class SlaWorkedExamplesTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final SlaPolicy POLICY = SlaPolicy.defaults();
    static final AlwaysOpen ALWAYS = new AlwaysOpen(1);
    static final WeeklyHours OFFICE = WeeklyHours.mondayToFriday(OpeningInterval.parse("09:00", "17:00"));
    static final Set<LocalDate> BERLIN_HOLIDAYS = Set.of(
            LocalDate.parse("2025-01-01"),
            LocalDate.parse("2025-03-08"),
            LocalDate.parse("2025-04-18"),
            LocalDate.parse("2025-04-21"),
            LocalDate.parse("2025-05-01"),
            LocalDate.parse("2025-05-29"),
            LocalDate.parse("2025-06-09"),
            LocalDate.parse("2025-10-03"),
            LocalDate.parse("2025-12-25"),
            LocalDate.parse("2025-12-26"),
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-03-08"),
            LocalDate.parse("2026-04-03"),
            LocalDate.parse("2026-04-06"),
            LocalDate.parse("2026-05-01"),
            LocalDate.parse("2026-05-14"),
            LocalDate.parse("2026-05-25"),
            LocalDate.parse("2026-10-03"),
            LocalDate.parse("2026-12-25"),
            LocalDate.parse("2026-12-26"));
    static final WeeklyHoursCalendar BERLIN_OFFICE = new WeeklyHoursCalendar(1, BERLIN, OFFICE, BERLIN_HOLIDAYS);

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    static Instant local(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static SlaExplanation explain(BusinessCalendar calendar, SlaTimeline timeline, Instant now) {
        return SlaCalculator.explain(POLICY, calendar, timeline, now);
    }

    static WeeklyHoursCalendar allDay(ZoneId zone) {
        return WeeklyHoursCalendar.of(1, zone, WeeklyHours.everyDay(OpeningInterval.allDay()));
    }

    @Nested
    class Around_the_clock {
        @Test
        void business_time_is_elapsed_time() {
            // urgent 60/240, filed 10:00Z, replied 10:20Z, explained at 12:00Z.
            SlaTimeline timeline = SlaTimeline.filed(utc("2026-03-02T10:00:00Z"), URGENT)
                    .firstPublicStaffReply(utc("2026-03-02T10:20:00Z"));

            SlaExplanation at = explain(ALWAYS, timeline, utc("2026-03-02T12:00:00Z"));

            assertThat(at.policyVersion()).isEqualTo(1);
            assertThat(at.calendarVersion()).isEqualTo(1);
            SlaClock firstResponse = at.firstResponse();
            assertThat(firstResponse.state()).isEqualTo(ClockState.MET);
            assertThat(firstResponse.usedMinutes()).isEqualTo(20);
            assertThat(firstResponse.metAt()).contains(utc("2026-03-02T10:20:00Z"));
            assertThat(firstResponse.dueAt()).isEmpty();
            assertThat(firstResponse.counted())
                    .containsExactly(new Interval(utc("2026-03-02T10:00:00Z"), utc("2026-03-02T10:20:00Z")));
            SlaClock resolution = at.resolution();
            assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
            assertThat(resolution.policyMinutes()).isEqualTo(240);
            assertThat(resolution.usedMinutes()).isEqualTo(120);
            assertThat(resolution.remainingMinutes()).isEqualTo(120);
            assertThat(resolution.dueAt()).contains(utc("2026-03-02T14:00:00Z"));
            assertThat(resolution.counted())
                    .containsExactly(new Interval(utc("2026-03-02T10:00:00Z"), utc("2026-03-02T12:00:00Z")));
        }

        @Test
        void a_running_clock_past_its_target_is_breached_and_keeps_its_due_time() {
            SlaTimeline timeline = SlaTimeline.filed(utc("2026-03-02T10:00:00Z"), URGENT);

            SlaClock resolution =
                    explain(ALWAYS, timeline, utc("2026-03-02T15:00:00Z")).resolution();

            assertThat(resolution.state()).isEqualTo(ClockState.BREACHED);
            assertThat(resolution.breachedAt()).contains(utc("2026-03-02T14:00:00Z"));
            assertThat(resolution.dueAt()).contains(utc("2026-03-02T14:00:00Z"));
            assertThat(resolution.usedMinutes()).isEqualTo(300);
            assertThat(resolution.remainingMinutes()).isZero();
        }

        @Test
        void minutes_are_whole_and_used_rounds_down() {
            SlaTimeline timeline = SlaTimeline.filed(utc("2026-03-02T10:00:00.000001Z"), URGENT);

            SlaClock resolution =
                    explain(ALWAYS, timeline, utc("2026-03-02T10:59:59.5Z")).resolution();

            assertThat(resolution.used())
                    .isEqualTo(Duration.ofMinutes(59).plusMillis(59_499).plusNanos(999_000));
            assertThat(resolution.usedMinutes()).isEqualTo(59);
            assertThat(resolution.remainingMinutes()).isEqualTo(181);
            assertThat(resolution.dueAt()).contains(utc("2026-03-02T14:00:00.000001Z"));
        }
    }

    @Nested
    class Office_hours_in_Berlin {
        @Test
        void a_holiday_weekend_is_skipped() {
            // Thu 2 April 16:00 CEST, high (240/1440): Thu 16-17 (60), Good Friday, the weekend and Easter Monday
            // closed, Tue 7 April 09:00 + 180 = 12:00 CEST.
            SlaTimeline timeline = SlaTimeline.filed(local("2026-04-02T16:00", BERLIN), HIGH);

            SlaExplanation at = explain(BERLIN_OFFICE, timeline, local("2026-04-02T16:00", BERLIN));

            assertThat(at.firstResponse().dueAt()).contains(utc("2026-04-07T10:00:00Z"));
            // 1440 = 60 (Thu) + 480 (Tue) + 480 (Wed) + 420 (Thu 09:00-16:00).
            assertThat(at.resolution().dueAt()).contains(utc("2026-04-09T14:00:00Z"));
        }

        @Test
        void filed_friday_at_16_30_urgent_is_due_monday_at_09_30() {
            SlaTimeline timeline = SlaTimeline.filed(local("2026-03-06T16:30", BERLIN), URGENT);

            SlaExplanation friday = explain(BERLIN_OFFICE, timeline, local("2026-03-06T16:30", BERLIN));
            assertThat(friday.firstResponse().dueAt()).contains(local("2026-03-09T09:30", BERLIN));
            assertThat(friday.firstResponse().dueAt()).contains(utc("2026-03-09T08:30:00Z"));

            SlaExplanation monday = explain(BERLIN_OFFICE, timeline, local("2026-03-09T10:00", BERLIN));
            assertThat(monday.firstResponse().state()).isEqualTo(ClockState.BREACHED);
            assertThat(monday.firstResponse().breachedAt()).contains(utc("2026-03-09T08:30:00Z"));
            assertThat(monday.resolution().usedMinutes()).isEqualTo(90);
            assertThat(monday.resolution().dueAt()).contains(local("2026-03-09T12:30", BERLIN));
            assertThat(monday.resolution().counted())
                    .containsExactly(
                            new Interval(utc("2026-03-06T15:30:00Z"), utc("2026-03-06T16:00:00Z")),
                            new Interval(utc("2026-03-09T08:00:00Z"), utc("2026-03-09T09:00:00Z")));
        }

        @Test
        void a_pause_across_the_weekend_counts_nothing_and_hides_the_due_time() {
            // Fri 15:00 urgent, reply 15:10, waiting on the customer at 16:00 (60 used); the customer answers Monday
            // 10:00, so 180 are left from there: Monday 13:00 CET. Without the pause, Friday 15:00-17:00 and Monday
            // 09:00-10:00 would have counted, leaving 60: Monday 11:00 CET.
            SlaTimeline waiting = SlaTimeline.filed(local("2026-03-06T15:00", BERLIN), URGENT)
                    .statusChanged(local("2026-03-06T15:10", BERLIN), IN_PROGRESS)
                    .firstPublicStaffReply(local("2026-03-06T15:10", BERLIN))
                    .statusChanged(local("2026-03-06T16:00", BERLIN), WAITING_ON_CUSTOMER);

            SlaExplanation friday = explain(BERLIN_OFFICE, waiting, local("2026-03-06T15:30", BERLIN));
            assertThat(friday.resolution().usedMinutes()).isEqualTo(30);
            assertThat(friday.resolution().dueAt()).contains(local("2026-03-09T11:00", BERLIN));

            SlaExplanation saturday = explain(BERLIN_OFFICE, waiting, local("2026-03-07T12:00", BERLIN));
            assertThat(saturday.resolution().state()).isEqualTo(ClockState.PAUSED);
            assertThat(saturday.resolution().dueAt()).isEmpty();
            assertThat(saturday.resolution().usedMinutes()).isEqualTo(60);
            assertThat(saturday.resolution().remainingMinutes()).isEqualTo(180);
            assertThat(saturday.firstResponse().state()).isEqualTo(ClockState.MET);
            assertThat(saturday.firstResponse().metAt()).contains(local("2026-03-06T15:10", BERLIN));

            SlaTimeline resumed = waiting.statusChanged(local("2026-03-09T10:00", BERLIN), IN_PROGRESS);
            SlaExplanation monday = explain(BERLIN_OFFICE, resumed, local("2026-03-09T10:00", BERLIN));
            assertThat(monday.resolution().state()).isEqualTo(ClockState.RUNNING);
            assertThat(monday.resolution().usedMinutes()).isEqualTo(60);
            assertThat(monday.resolution().dueAt()).contains(utc("2026-03-09T12:00:00Z"));

            SlaTimeline neverPaused = SlaTimeline.filed(local("2026-03-06T15:00", BERLIN), URGENT);
            assertThat(explain(BERLIN_OFFICE, neverPaused, local("2026-03-09T10:00", BERLIN))
                            .resolution()
                            .dueAt())
                    .contains(utc("2026-03-09T10:00:00Z"));
        }

        @Test
        void on_hold_pauses_like_waiting() {
            SlaTimeline timeline = SlaTimeline.filed(local("2026-03-02T09:00", BERLIN), MEDIUM)
                    .statusChanged(local("2026-03-02T10:00", BERLIN), ON_HOLD);

            SlaClock resolution = explain(BERLIN_OFFICE, timeline, local("2026-03-20T10:00", BERLIN))
                    .resolution();

            assertThat(resolution.state()).isEqualTo(ClockState.PAUSED);
            assertThat(resolution.usedMinutes()).isEqualTo(60);
            assertThat(resolution.remainingMinutes()).isEqualTo(4260);
        }
    }

    @Nested
    class Daylight_saving_time {
        @Test
        void berlin_spring_forward_keeps_office_hours_local() {
            // Fri 27 March 16:30 CET (+01:00), urgent: Monday 30 March 09:30 CEST (+02:00).
            SlaTimeline timeline = SlaTimeline.filed(local("2026-03-27T16:30", BERLIN), URGENT);

            SlaClock firstResponse = explain(BERLIN_OFFICE, timeline, utc("2026-03-27T15:30:00Z"))
                    .firstResponse();

            assertThat(firstResponse.dueAt()).contains(utc("2026-03-30T07:30:00Z"));
        }

        @Test
        void berlin_fall_back_keeps_office_hours_local() {
            // Fri 23 October 16:30 CEST, urgent: Monday 26 October 09:30 CET.
            SlaTimeline timeline = SlaTimeline.filed(local("2026-10-23T16:30", BERLIN), URGENT);

            SlaClock firstResponse = explain(BERLIN_OFFICE, timeline, utc("2026-10-23T14:30:00Z"))
                    .firstResponse();

            assertThat(firstResponse.dueAt()).contains(utc("2026-10-26T08:30:00Z"));
        }

        @Test
        void a_whole_day_open_counts_real_elapsed_time_on_switch_days() {
            WeeklyHoursCalendar berlin = allDay(BERLIN);
            assertThat(berlin.businessTimeBetween(utc("2026-03-28T23:00:00Z"), utc("2026-03-29T22:00:00Z")))
                    .isEqualTo(Duration.ofHours(23));
            assertThat(berlin.businessTimeBetween(utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z")))
                    .isEqualTo(Duration.ofHours(25));
            assertThat(berlin.openIntervals(utc("2026-03-28T12:00:00Z"), utc("2026-03-30T12:00:00Z")))
                    .containsExactly(new Interval(utc("2026-03-28T12:00:00Z"), utc("2026-03-30T12:00:00Z")));

            WeeklyHoursCalendar newYork = allDay(NEW_YORK);
            assertThat(newYork.businessTimeBetween(
                            local("2026-03-08T00:00", NEW_YORK), local("2026-03-09T00:00", NEW_YORK)))
                    .isEqualTo(Duration.ofHours(23));
            assertThat(newYork.businessTimeBetween(
                            local("2026-11-01T00:00", NEW_YORK), local("2026-11-02T00:00", NEW_YORK)))
                    .isEqualTo(Duration.ofHours(25));

            // Filed Saturday 28 March 12:00 CET, low (1440 = 24 h): due 24 real hours later, 13:00 CEST on Sunday.
            SlaTimeline timeline = SlaTimeline.filed(local("2026-03-28T12:00", BERLIN), LOW);
            assertThat(explain(berlin, timeline, local("2026-03-28T12:00", BERLIN))
                            .firstResponse()
                            .dueAt())
                    .contains(utc("2026-03-29T11:00:00Z"));
            assertThat(explain(berlin, timeline, local("2026-03-30T00:00", BERLIN))
                            .resolution()
                            .usedMinutes())
                    .isEqualTo(35 * 60);
        }

        @Test
        void local_times_inside_a_gap_shift_forward_and_inside_an_overlap_take_the_earlier_offset() {
            WeeklyHoursCalendar sundays = WeeklyHoursCalendar.of(
                    1,
                    BERLIN,
                    WeeklyHours.closed()
                            .with(
                                    DayOfWeek.SUNDAY,
                                    OpeningInterval.parse("01:00", "02:00"),
                                    OpeningInterval.parse("02:30", "05:00")));
            // 29 March: 01:00 CET = 00:00Z; 02:00 does not exist and shifts to 03:00 CEST = 01:00Z; 02:30 shifts to
            // 03:30 CEST = 01:30Z; 05:00 CEST = 03:00Z.
            assertThat(sundays.openIntervals(utc("2026-03-28T00:00:00Z"), utc("2026-03-30T00:00:00Z")))
                    .containsExactly(
                            new Interval(utc("2026-03-29T00:00:00Z"), utc("2026-03-29T01:00:00Z")),
                            new Interval(utc("2026-03-29T01:30:00Z"), utc("2026-03-29T03:00:00Z")));
            // 25 October: 01:00 CEST = 23:00Z; 02:00 and 02:30 happen twice and take CEST: 00:00Z, 00:30Z; 05:00 CET =
            // 04:00Z.
            assertThat(sundays.openIntervals(utc("2026-10-24T00:00:00Z"), utc("2026-10-26T00:00:00Z")))
                    .containsExactly(
                            new Interval(utc("2026-10-24T23:00:00Z"), utc("2026-10-25T00:00:00Z")),
                            new Interval(utc("2026-10-25T00:30:00Z"), utc("2026-10-25T04:00:00Z")));
        }

        @Test
        void new_york_switches_on_other_dates() {
            WeeklyHoursCalendar office = WeeklyHoursCalendar.of(1, NEW_YORK, OFFICE);
            // Fri 6 March 16:30 EST (-05:00): Monday 9 March 09:30 EDT (-04:00).
            SlaTimeline march = SlaTimeline.filed(local("2026-03-06T16:30", NEW_YORK), URGENT);
            assertThat(explain(office, march, utc("2026-03-06T21:30:00Z"))
                            .firstResponse()
                            .dueAt())
                    .contains(utc("2026-03-09T13:30:00Z"));
            // Fri 30 October 16:30 EDT: Monday 2 November 09:30 EST.
            SlaTimeline november = SlaTimeline.filed(local("2026-10-30T16:30", NEW_YORK), URGENT);
            assertThat(explain(office, november, utc("2026-10-30T20:30:00Z"))
                            .firstResponse()
                            .dueAt())
                    .contains(utc("2026-11-02T14:30:00Z"));
        }
    }

    @Nested
    class Odd_offsets {
        @Test
        void kolkata_at_plus_05_30() {
            ZoneId kolkata = ZoneId.of("Asia/Kolkata");
            SlaTimeline timeline = SlaTimeline.filed(local("2026-03-02T16:30", kolkata), URGENT);
            SlaClock clock = explain(WeeklyHoursCalendar.of(1, kolkata, OFFICE), timeline, utc("2026-03-02T11:00:00Z"))
                    .firstResponse();
            assertThat(clock.dueAt()).contains(utc("2026-03-03T04:00:00Z"));
        }

        @Test
        void kathmandu_at_plus_05_45() {
            ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
            SlaTimeline timeline = SlaTimeline.filed(local("2026-03-02T16:30", kathmandu), URGENT);
            SlaClock clock = explain(
                            WeeklyHoursCalendar.of(1, kathmandu, OFFICE), timeline, utc("2026-03-02T10:45:00Z"))
                    .firstResponse();
            assertThat(clock.dueAt()).contains(utc("2026-03-03T03:45:00Z"));
        }

        @Test
        void lord_howe_switches_by_thirty_minutes() {
            ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
            // Fri 3 April 16:30 at +11:00: Monday 6 April 09:30 at +10:30.
            SlaTimeline timeline = SlaTimeline.filed(local("2026-04-03T16:30", lordHowe), URGENT);
            SlaClock clock = explain(WeeklyHoursCalendar.of(1, lordHowe, OFFICE), timeline, utc("2026-04-03T05:30:00Z"))
                    .firstResponse();
            assertThat(clock.dueAt()).contains(utc("2026-04-05T23:00:00Z"));

            WeeklyHoursCalendar allDay = allDay(lordHowe);
            assertThat(allDay.businessTimeBetween(
                            local("2026-04-05T00:00", lordHowe), local("2026-04-06T00:00", lordHowe)))
                    .isEqualTo(Duration.ofMinutes(24 * 60 + 30));
            assertThat(allDay.businessTimeBetween(
                            local("2026-10-04T00:00", lordHowe), local("2026-10-05T00:00", lordHowe)))
                    .isEqualTo(Duration.ofMinutes(23 * 60 + 30));
        }
    }

    @Nested
    class History {
        @Test
        void raising_the_priority_retargets_both_clocks_from_the_same_history() {
            // Medium (480/4320) at 10:00, urgent (60/240) at 11:00: first response reached 60 at 11:00 and ran on.
            SlaTimeline timeline = SlaTimeline.filed(utc("2026-03-02T10:00:00Z"), MEDIUM)
                    .priorityChanged(utc("2026-03-02T11:00:00Z"), URGENT);

            SlaExplanation before = explain(ALWAYS, timeline, utc("2026-03-02T10:59:00Z"));
            assertThat(before.firstResponse().dueAt()).contains(utc("2026-03-02T18:00:00Z"));
            assertThat(before.firstResponse().priority()).isEqualTo(MEDIUM);

            SlaExplanation after = explain(ALWAYS, timeline, utc("2026-03-02T11:30:00Z"));
            assertThat(after.firstResponse().state()).isEqualTo(ClockState.BREACHED);
            assertThat(after.firstResponse().breachedAt()).contains(utc("2026-03-02T11:00:00Z"));
            assertThat(after.firstResponse().priority()).isEqualTo(URGENT);
            assertThat(after.resolution().state()).isEqualTo(ClockState.RUNNING);
            assertThat(after.resolution().usedMinutes()).isEqualTo(90);
            assertThat(after.resolution().policyMinutes()).isEqualTo(240);
            assertThat(after.resolution().dueAt()).contains(utc("2026-03-02T14:00:00Z"));
        }

        @Test
        void lowering_the_priority_keeps_the_minutes_used() {
            SlaTimeline timeline = SlaTimeline.filed(utc("2026-03-02T10:00:00Z"), URGENT)
                    .priorityChanged(utc("2026-03-02T10:30:00Z"), LOW);

            SlaClock firstResponse =
                    explain(ALWAYS, timeline, utc("2026-03-02T12:00:00Z")).firstResponse();

            assertThat(firstResponse.state()).isEqualTo(ClockState.RUNNING);
            assertThat(firstResponse.usedMinutes()).isEqualTo(120);
            assertThat(firstResponse.remainingMinutes()).isEqualTo(1320);
            assertThat(firstResponse.dueAt()).contains(utc("2026-03-03T10:00:00Z"));
        }

        @Test
        void a_reopened_ticket_resumes_with_the_minutes_already_used() {
            SlaTimeline resolved = SlaTimeline.filed(utc("2026-03-02T10:00:00Z"), URGENT)
                    .statusChanged(utc("2026-03-02T10:05:00Z"), IN_PROGRESS)
                    .statusChanged(utc("2026-03-02T11:00:00Z"), RESOLVED);

            SlaExplanation noon = explain(ALWAYS, resolved, utc("2026-03-02T12:00:00Z"));
            assertThat(noon.resolution().state()).isEqualTo(ClockState.MET);
            assertThat(noon.resolution().metAt()).contains(utc("2026-03-02T11:00:00Z"));
            assertThat(noon.resolution().usedMinutes()).isEqualTo(60);
            // Resolved without a reply, exactly at the first-response due time: met, not breached.
            assertThat(noon.firstResponse().state()).isEqualTo(ClockState.MET);
            assertThat(noon.firstResponse().metAt()).contains(utc("2026-03-02T11:00:00Z"));

            SlaTimeline reopened = resolved.statusChanged(utc("2026-03-02T13:00:00Z"), IN_PROGRESS);
            SlaExplanation later = explain(ALWAYS, reopened, utc("2026-03-02T13:30:00Z"));
            assertThat(later.resolution().state()).isEqualTo(ClockState.RUNNING);
            assertThat(later.resolution().usedMinutes()).isEqualTo(90);
            assertThat(later.resolution().remainingMinutes()).isEqualTo(150);
            assertThat(later.resolution().dueAt()).contains(utc("2026-03-02T16:00:00Z"));
            assertThat(later.firstResponse()).isEqualTo(noon.firstResponse());

            SlaTimeline resolvedAgain = reopened.statusChanged(utc("2026-03-02T14:00:00Z"), RESOLVED);
            SlaClock evening =
                    explain(ALWAYS, resolvedAgain, utc("2026-03-02T20:00:00Z")).resolution();
            assertThat(evening.state()).isEqualTo(ClockState.MET);
            assertThat(evening.metAt()).contains(utc("2026-03-02T14:00:00Z"));
            assertThat(evening.counted())
                    .containsExactly(
                            new Interval(utc("2026-03-02T10:00:00Z"), utc("2026-03-02T11:00:00Z")),
                            new Interval(utc("2026-03-02T13:00:00Z"), utc("2026-03-02T14:00:00Z")));
        }

        @Test
        void a_ticket_alive_for_400_days() {
            // Filed Monday 6 January 2025 09:00 CET, low (1440/7200), on hold from 10:00 until Tuesday 10 February 2026
            // 09:00, 400 days later.
            SlaTimeline timeline = SlaTimeline.filed(local("2025-01-06T09:00", BERLIN), LOW)
                    .statusChanged(local("2025-01-06T10:00", BERLIN), ON_HOLD)
                    .statusChanged(local("2026-02-10T09:00", BERLIN), IN_PROGRESS);

            SlaExplanation at = explain(BERLIN_OFFICE, timeline, local("2026-02-10T09:00", BERLIN));

            // Resolution: 60 used, 7140 left = 14 business days and 7 hours: Monday 2 March 2026 16:00 CET.
            assertThat(at.resolution().usedMinutes()).isEqualTo(60);
            assertThat(at.resolution().dueAt()).contains(utc("2026-03-02T15:00:00Z"));
            // First response never answered: breached after three business days, Wednesday 8 January 2025 17:00 CET.
            assertThat(at.firstResponse().state()).isEqualTo(ClockState.BREACHED);
            assertThat(at.firstResponse().breachedAt()).contains(utc("2025-01-08T16:00:00Z"));
            // 6 January 2025 to 9 February 2026 is 400 days, 57 weeks and a Monday: 286 weekdays, 9 of them holidays
            // (Good Friday, Easter Monday, 1 May, Ascension, Whit Monday, 3 October, 25 and 26 December, 1 January),
            // 8 hours each.
            assertThat(at.firstResponse().usedMinutes()).isEqualTo(277 * 480);
            assertThat(at.firstResponse().counted()).hasSize(277);
        }
    }

    @Nested
    class No_opening_hours {
        @Test
        @Timeout(value = 5, unit = TimeUnit.SECONDS)
        void a_calendar_that_is_never_open_is_refused_clearly() {
            WeeklyHoursCalendar closed = new WeeklyHoursCalendar(3, BERLIN, WeeklyHours.closed(), Set.of());
            SlaTimeline timeline = SlaTimeline.filed(utc("2026-03-02T10:00:00Z"), URGENT);

            assertThat(closed.hasOpeningHours()).isFalse();
            assertThat(closed.businessTimeBetween(utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z")))
                    .isZero();
            assertThat(closed.openIntervals(utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z")))
                    .isEmpty();
            assertThatThrownBy(() -> closed.plusBusinessTime(utc("2026-03-02T10:00:00Z"), Duration.ofMinutes(60)))
                    .isInstanceOf(NoOpeningHours.class)
                    .hasMessageContaining("no opening hours");
            assertThatThrownBy(() -> explain(closed, timeline, utc("2026-03-02T10:00:00Z")))
                    .isInstanceOf(NoOpeningHours.class)
                    .hasMessageContaining("version 3")
                    .hasMessageContaining("no opening hours");
        }

        @Test
        @Timeout(value = 5, unit = TimeUnit.SECONDS)
        void holidays_on_every_open_day_for_years_end_because_holidays_are_finite() {
            // Open Mondays only, and every Monday of 2026 and 2027 is a holiday: the first open Monday is in 2028.
            Set<LocalDate> mondays = new HashSet<>();
            for (LocalDate d = LocalDate.parse("2026-01-05"); d.getYear() < 2028; d = d.plusWeeks(1)) {
                mondays.add(d);
            }
            WeeklyHoursCalendar calendar = new WeeklyHoursCalendar(
                    1,
                    ZoneId.of("UTC"),
                    WeeklyHours.closed().with(DayOfWeek.MONDAY, OpeningInterval.parse("09:00", "10:00")),
                    mondays);

            assertThat(calendar.plusBusinessTime(utc("2026-01-01T00:00:00Z"), Duration.ofMinutes(30)))
                    .isEqualTo(utc("2028-01-03T09:30:00Z"));
        }
    }

    @Test
    void an_overnight_shift_counts_as_one_stretch_across_midnight() {
        WeeklyHoursCalendar nights = WeeklyHoursCalendar.of(
                1,
                BERLIN,
                WeeklyHours.closed()
                        .with(DayOfWeek.MONDAY, OpeningInterval.parse("22:00", "24:00"))
                        .with(DayOfWeek.TUESDAY, OpeningInterval.parse("00:00", "06:00")));

        assertThat(nights.openIntervals(utc("2026-03-02T00:00:00Z"), utc("2026-03-04T00:00:00Z")))
                .containsExactly(new Interval(utc("2026-03-02T21:00:00Z"), utc("2026-03-03T05:00:00Z")));
        assertThat(nights.plusBusinessTime(utc("2026-03-02T12:00:00Z"), Duration.ofHours(3)))
                .isEqualTo(utc("2026-03-03T00:00:00Z"));
        assertThat(nights.businessTimeBetween(utc("2026-03-02T00:00:00Z"), utc("2026-03-09T00:00:00Z")))
                .isEqualTo(Duration.ofHours(8));
    }
}
