package org.supportdesk.domain.sla.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.MinuteOracle;
import org.supportdesk.domain.sla.OpeningInterval;
import org.supportdesk.domain.sla.SlaCalculator;
import org.supportdesk.domain.sla.SlaExplanation;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.sla.SlaTimeline;
import org.supportdesk.domain.sla.WeeklyHours;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * {@link SlaCalculator#explain} against the minute-by-minute {@link MinuteOracle} of the tests, on the same inputs: a
 * ticket with 20 status changes over 90 days and one over 400 days, on Berlin Monday-Friday 09:00-17:00 with holidays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SlaExplainBenchmark {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar CALENDAR = new WeeklyHoursCalendar(
            1,
            BERLIN,
            WeeklyHours.mondayToFriday(OpeningInterval.parse("09:00", "17:00")),
            Set.of(
                    LocalDate.parse("2025-01-01"),
                    LocalDate.parse("2025-04-18"),
                    LocalDate.parse("2025-04-21"),
                    LocalDate.parse("2025-05-01"),
                    LocalDate.parse("2025-05-29"),
                    LocalDate.parse("2025-06-09"),
                    LocalDate.parse("2025-10-03"),
                    LocalDate.parse("2025-12-25"),
                    LocalDate.parse("2025-12-26"),
                    LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2026-04-03"),
                    LocalDate.parse("2026-04-06"),
                    LocalDate.parse("2026-05-01"),
                    LocalDate.parse("2026-05-14"),
                    LocalDate.parse("2026-05-25"),
                    LocalDate.parse("2026-10-03"),
                    LocalDate.parse("2026-12-25"),
                    LocalDate.parse("2026-12-26")));
    private static final SlaPolicy POLICY = SlaPolicy.defaults();

    private final SlaTimeline ninetyDays = ticket("2026-02-02T09:15", 90);
    private final Instant ninetyDaysNow = at("2026-02-02T09:15").plus(Duration.ofDays(90));
    private final SlaTimeline fourHundredDays = ticket("2025-01-06T09:00", 400);
    private final Instant fourHundredDaysNow = at("2025-01-06T09:00").plus(Duration.ofDays(400));

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    /**
     * Filed at {@code filed} (medium), replied to after 3 hours, then 20 status changes spread evenly over the span,
     * cycling in progress, waiting on the customer, in progress, on hold, and ending in progress: the clock runs at
     * the end, so explain also walks forward to the due time.
     */
    static SlaTimeline ticket(String filed, int days) {
        Instant start = at(filed);
        SlaTimeline timeline = SlaTimeline.filed(start, Priority.MEDIUM)
                .firstPublicStaffReply(start.plus(Duration.ofHours(3)));
        TicketStatus[] cycle = {
            TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.IN_PROGRESS, TicketStatus.ON_HOLD
        };
        long step = Duration.ofDays(days).toMinutes() / 21;
        for (int i = 0; i < 20; i++) {
            timeline = timeline.statusChanged(start.plus(Duration.ofMinutes(step * (i + 1) + 37L * i)), cycle[i % 4]);
        }
        return timeline;
    }

    @Benchmark
    public SlaExplanation explain90Days() {
        return SlaCalculator.explain(POLICY, CALENDAR, ninetyDays, ninetyDaysNow);
    }

    @Benchmark
    public MinuteOracle.Result oracle90Days() {
        return MinuteOracle.explain(POLICY, CALENDAR, ninetyDays, ninetyDaysNow);
    }

    @Benchmark
    public SlaExplanation explain400Days() {
        return SlaCalculator.explain(POLICY, CALENDAR, fourHundredDays, fourHundredDaysNow);
    }

    @Benchmark
    public MinuteOracle.Result oracle400Days() {
        return MinuteOracle.explain(POLICY, CALENDAR, fourHundredDays, fourHundredDaysNow);
    }

    /** Sanity check for the benchmark inputs: the two implementations agree on them. */
    public static void main(String[] args) {
        SlaExplainBenchmark b = new SlaExplainBenchmark();
        System.out.println(MinuteOracle.Result.of(b.explain90Days()).equals(b.oracle90Days()));
        System.out.println(MinuteOracle.Result.of(b.explain400Days()).equals(b.oracle400Days()));
    }
}
