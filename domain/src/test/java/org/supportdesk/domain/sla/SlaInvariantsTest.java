package org.supportdesk.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.SlaTarget;
import org.supportdesk.domain.ticket.TicketStatus;

/** Seeded randomised properties of the calculator; {@code -Dsla.seed=N} replays a run. */
class SlaInvariantsTest {
    private static final long SEED = Long.getLong("sla.seed", System.nanoTime());
    private static final int CASES = 2_000;

    private static String seed(long caseSeed) {
        return "run seed " + SEED + " (replay with -Dsla.seed=" + SEED + "), case seed " + caseSeed;
    }

    @Test
    void used_business_time_never_exceeds_wall_clock_time() {
        for (int i = 0; i < CASES; i++) {
            RandomCases.Case c = new RandomCases(SEED + i).next(60);
            SlaExplanation explanation = SlaCalculator.explain(c.policy(), c.calendar(), c.timeline(), c.now());
            Duration wall = Duration.between(c.timeline().filedAt(), c.now());
            for (SlaTarget target : SlaTarget.values()) {
                SlaClock clock = explanation.clock(target);
                assertThat(clock.used()).as(seed(c.seed()) + "\n" + c).isLessThanOrEqualTo(wall);
                Duration counted =
                        clock.counted().stream().map(Interval::duration).reduce(Duration.ZERO, Duration::plus);
                assertThat(counted).as(seed(c.seed()) + "\n" + c).isEqualTo(clock.used());
            }
        }
    }

    @Test
    void around_the_clock_without_pauses_the_due_time_is_filing_plus_target() {
        for (int i = 0; i < CASES; i++) {
            RandomCases cases = new RandomCases(SEED + i);
            Random random = cases.random();
            Instant filed = cases.filingInstant(ZoneId.of("UTC"));
            long span = cases.spanMinutes(30);
            // Priority changes only: no status change, so nothing pauses or stops.
            SlaTimeline timeline = cases.timeline(filed, span, 0, true, false);
            Instant now = filed.plus(Duration.ofMinutes(random.nextInt((int) span + 1)));
            SlaPolicy policy = cases.policy();

            SlaExplanation explanation = SlaCalculator.explain(policy, new AlwaysOpen(1), timeline, now);

            for (SlaTarget target : SlaTarget.values()) {
                SlaClock clock = explanation.clock(target);
                assertThat(clock.dueAt())
                        .as(seed(SEED + i) + " " + timeline + " now " + now)
                        .contains(filed.plus(policy.target(clock.priority(), target)));
            }
        }
    }

    @Test
    void pausing_never_moves_a_due_time_earlier() {
        int checked = 0;
        for (int i = 0; checked < CASES / 4 && i < 50 * CASES; i++) {
            RandomCases.Case c = new RandomCases(SEED + i).next(30);
            SlaExplanation before = SlaCalculator.explain(c.policy(), c.calendar(), c.timeline(), c.now());
            if (before.resolution().state() != ClockState.RUNNING || lastFactAfter(c.timeline(), c.now())) {
                continue;
            }
            Random random = new Random(c.seed());
            Instant resumed = c.now().plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
            SlaTimeline paused = c.timeline()
                    .statusChanged(
                            c.now(), random.nextBoolean() ? TicketStatus.WAITING_ON_CUSTOMER : TicketStatus.ON_HOLD)
                    .statusChanged(resumed, TicketStatus.IN_PROGRESS);

            SlaExplanation after = SlaCalculator.explain(c.policy(), c.calendar(), paused, resumed);

            assertThat(after.resolution().dueAt().orElseThrow())
                    .as(seed(c.seed()) + "\n" + c + "\n  resumed " + resumed)
                    .isAfterOrEqualTo(before.resolution().dueAt().orElseThrow());
            assertThat(after.resolution().used()).isEqualTo(before.resolution().used());
            checked++;
        }
        assertThat(checked).as(seed(0)).isEqualTo(CASES / 4);
    }

    @Test
    void a_stopped_clock_gives_the_same_answer_whenever_it_is_explained() {
        int checked = 0;
        for (int i = 0; i < CASES; i++) {
            RandomCases.Case c = new RandomCases(SEED + i).next(30);
            Random random = new Random(c.seed());
            Instant lastFact =
                    c.timeline().facts().get(c.timeline().facts().size() - 1).at();
            Instant end = lastFact.plus(Duration.ofDays(400));
            SlaExplanation atEnd = SlaCalculator.explain(c.policy(), c.calendar(), c.timeline(), end);

            // First response stops for good at the first reply, resolution or close: any later moment agrees, even
            // one before facts that come later.
            Instant stop = firstResponseStop(c.timeline());
            if (stop != null) {
                Instant between = stop.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 40)));
                assertThat(SlaCalculator.explain(c.policy(), c.calendar(), c.timeline(), between)
                                .firstResponse())
                        .as(seed(c.seed()) + "\n" + c + "\n  at " + between)
                        .isEqualTo(atEnd.firstResponse());
                checked++;
            }
            if (!finalStatus(c.timeline()).isOpen()) {
                Instant between = lastFact.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 400)));
                assertThat(SlaCalculator.explain(c.policy(), c.calendar(), c.timeline(), between)
                                .resolution())
                        .as(seed(c.seed()) + "\n" + c + "\n  at " + between)
                        .isEqualTo(atEnd.resolution());
            }
        }
        assertThat(checked).as(seed(0)).isGreaterThan(CASES / 4);
    }

    @Test
    void without_priority_changes_a_breach_once_seen_never_changes() {
        for (int i = 0; i < CASES; i++) {
            RandomCases cases = new RandomCases(SEED + i);
            Random random = cases.random();
            ZoneId zone = RandomCases.ZONES.get(random.nextInt(RandomCases.ZONES.size()));
            Instant filed = cases.filingInstant(zone);
            long span = cases.spanMinutes(30);
            BusinessCalendar calendar = cases.calendar(zone, filed, span);
            SlaTimeline timeline = cases.timeline(filed, span, 50, false, true);
            SlaPolicy policy = cases.policy();
            Instant early = filed.plus(Duration.ofMinutes(random.nextInt((int) span + 1)));
            Instant late = early.plus(Duration.ofMinutes(random.nextInt((int) span + 1)));

            SlaExplanation first = SlaCalculator.explain(policy, calendar, timeline, early);
            SlaExplanation second = SlaCalculator.explain(policy, calendar, timeline, late);

            for (SlaTarget target : SlaTarget.values()) {
                if (first.clock(target).state() == ClockState.BREACHED) {
                    assertThat(second.clock(target).state()).isEqualTo(ClockState.BREACHED);
                    assertThat(second.clock(target).breachedAt())
                            .as(seed(SEED + i) + " " + timeline + " early " + early + " late " + late)
                            .isEqualTo(first.clock(target).breachedAt());
                }
            }
        }
    }

    @Test
    void a_new_policy_version_leaves_tickets_measured_under_the_old_one_unchanged() {
        for (int i = 0; i < CASES / 4; i++) {
            RandomCases.Case c = new RandomCases(SEED + i).next(30);
            Map<Integer, SlaPolicy> published = new HashMap<>();
            SlaPolicy v1 = c.policy();
            published.put(v1.version(), v1);
            int remembered = v1.version();
            SlaExplanation before =
                    SlaCalculator.explain(published.get(remembered), c.calendar(), c.timeline(), c.now());

            SlaPolicy v2 = v1.nextVersionWith(Priority.URGENT, new Targets(1, 1))
                    .nextVersionWith(Priority.LOW, new Targets(99_999, 99_999));
            published.put(v2.version(), v2);
            SlaExplanation after =
                    SlaCalculator.explain(published.get(remembered), c.calendar(), c.timeline(), c.now());

            assertThat(after).as(seed(c.seed())).isEqualTo(before);
            assertThat(after.policyVersion()).isEqualTo(remembered);
            assertThat(SlaCalculator.explain(v2, c.calendar(), c.timeline(), c.now())
                            .policyVersion())
                    .isEqualTo(remembered + 2);
        }
    }

    private static boolean lastFactAfter(SlaTimeline timeline, Instant now) {
        List<SlaTimeline.Fact> facts = timeline.facts();
        return facts.get(facts.size() - 1).at().isAfter(now);
    }

    private static TicketStatus finalStatus(SlaTimeline timeline) {
        TicketStatus status = TicketStatus.NEW;
        for (SlaTimeline.Fact fact : timeline.facts()) {
            if (fact instanceof SlaTimeline.StatusEntered changed) {
                status = changed.to();
            }
        }
        return status;
    }

    private static Instant firstResponseStop(SlaTimeline timeline) {
        for (SlaTimeline.Fact fact : timeline.facts()) {
            if (fact instanceof SlaTimeline.FirstPublicStaffReply) {
                return fact.at();
            }
            if (fact instanceof SlaTimeline.StatusEntered changed
                    && !changed.to().isOpen()) {
                return fact.at();
            }
        }
        return null;
    }
}
