package org.supportdesk.application.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.sla.ClockState;
import org.supportdesk.domain.sla.OpeningInterval;
import org.supportdesk.domain.sla.SlaExplanation;
import org.supportdesk.domain.sla.Targets;
import org.supportdesk.domain.sla.WeeklyHours;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

class SlaUseCasesTest extends UseCaseTest {

    int scan() {
        return core.useCases.scheduled().scanSlaBreaches().handle(new ScanSlaBreaches.Command(acme.tenant, 100));
    }

    SlaExplanation explain(TicketState ticket) {
        return core.desk().explainSla().handle(new ExplainSla.Command(acme.agentActor(), ticket.id()));
    }

    @Test
    void a_filed_ticket_is_due_by_its_priority_targets_on_the_default_24_7_calendar() {
        TicketState ticket = aTicket(); // urgent: 60 / 240 minutes

        assertThat(ticket.sla().firstResponseDueAt())
                .contains(ticket.createdAt().plus(Duration.ofMinutes(60)));
        assertThat(ticket.sla().resolutionDueAt()).contains(ticket.createdAt().plus(Duration.ofMinutes(240)));
        assertThat(ticket.sla().policyVersion()).isEqualTo(1);
        assertThat(ticket.sla().calendarVersion()).isEqualTo(1);
    }

    @Test
    void waiting_on_the_customer_pauses_resolution_and_a_public_reply_meets_first_response() {
        TicketState ticket = aTicket();
        core.clock.advance(Duration.ofMinutes(10));
        reply(acme.agentActor(), ticket.id(), "Can you send a screenshot?");
        core.clock.advance(Duration.ofMinutes(20));

        TicketState waiting = moveTo(ticket.id(), TicketStatus.WAITING_ON_CUSTOMER);

        assertThat(waiting.sla().firstResponseDueAt()).isEmpty();
        assertThat(waiting.sla().resolutionDueAt()).isEmpty();
        SlaExplanation explanation = explain(ticket);
        assertThat(explanation.firstResponse().state()).isEqualTo(ClockState.MET);
        assertThat(explanation.resolution().state()).isEqualTo(ClockState.PAUSED);
        assertThat(explanation.resolution().usedMinutes()).isEqualTo(30);

        core.clock.advance(Duration.ofDays(3));
        assertThat(scan()).as("a paused clock never breaches").isZero();
        customerReply(acme.customerActor(), ticket.id(), "Here it is");
        TicketState resumed = stored(ticket);
        assertThat(resumed.sla().resolutionDueAt())
                .contains(core.clock.instant().plus(Duration.ofMinutes(210)));
    }

    @Test
    void a_breach_is_recorded_once_escalates_the_ticket_and_tells_the_admins() {
        TicketState ticket = aTicket();
        core.clock.advance(Duration.ofMinutes(61));

        assertThat(scan()).isEqualTo(1);
        assertThat(scan()).isZero();

        TicketState breached = stored(ticket);
        assertThat(breached.sla().firstResponseBreachedAt())
                .contains(ticket.createdAt().plus(Duration.ofMinutes(60)));
        assertThat(breached.sla().resolutionBreachedAt()).isEmpty();
        assertThat(breached.escalation())
                .hasValueSatisfying(e -> assertThat(e.reason()).contains("first_response"));
        assertThat(journalOf(ticket))
                .containsSubsequence(JournalAction.SLA_BREACHED, JournalAction.TICKET_ESCALATED)
                .filteredOn(a -> a == JournalAction.SLA_BREACHED)
                .hasSize(1);
        assertThat(core.outbox.intents())
                .filteredOn(i -> i.topic() == NotificationTopic.SLA_BREACHED)
                .singleElement()
                .satisfies(
                        i -> assertThat(i.audiences()).containsExactlyInAnyOrder(Audience.ADMINS, Audience.WEBHOOKS));
        assertThat(topics()).doesNotContain(NotificationTopic.TICKET_ESCALATED);
        assertThat(conversationOf(ticket))
                .filteredOn(m -> m.body().value().contains("breached"))
                .allSatisfy(m -> assertThat(m.customerVisible()).isFalse());

        core.clock.advance(Duration.ofHours(3));
        assertThat(scan()).isEqualTo(1);
        assertThat(scan()).isZero();
        assertThat(stored(ticket).sla().resolutionBreachedAt()).isPresent();
        assertThat(journalOf(ticket))
                .filteredOn(a -> a == JournalAction.SLA_BREACHED)
                .hasSize(2);
    }

    @Test
    void one_scan_records_every_due_breach_however_many_batches_the_candidates_take() {
        List<TicketState> tickets =
                IntStream.range(0, 5).mapToObj(i -> aTicket()).toList();
        core.clock.advance(Duration.ofMinutes(241)); // both targets of each urgent ticket

        int recorded = core.useCases.scheduled().scanSlaBreaches().handle(new ScanSlaBreaches.Command(acme.tenant, 2));

        assertThat(recorded).isEqualTo(10);
        assertThat(tickets).allSatisfy(ticket -> {
            assertThat(stored(ticket).sla().firstResponseBreachedAt()).isPresent();
            assertThat(stored(ticket).sla().resolutionBreachedAt()).isPresent();
        });
        assertThat(scan()).isZero();
    }

    @Test
    void a_priority_change_retargets_both_clocks_from_the_same_history() {
        TicketState ticket = aTicket();
        core.clock.advance(Duration.ofMinutes(30));

        TicketState lowered = core.desk()
                .updateTicket()
                .handle(new UpdateTicket.Command(
                        acme.agentActor(),
                        ticket.id(),
                        Optional.empty(),
                        Optional.of(Priority.LOW),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .ticket();

        // low: 1440 / 7200 minutes, 30 already used
        assertThat(lowered.sla().firstResponseDueAt())
                .contains(ticket.createdAt().plus(Duration.ofMinutes(1440)));
        assertThat(lowered.sla().resolutionDueAt()).contains(ticket.createdAt().plus(Duration.ofMinutes(7200)));
    }

    @Test
    void business_hours_apply_to_tickets_filed_after_they_change_and_explain_says_so() {
        TicketState before = aTicket();
        core.admin()
                .changeBusinessHours()
                .handle(new ChangeBusinessHours.Command(
                        acme.adminActor(),
                        version -> new WeeklyHoursCalendar(
                                version,
                                ZoneId.of("Europe/Berlin"),
                                WeeklyHours.mondayToFriday(OpeningInterval.parse("09:00", "17:00")),
                                Set.of(LocalDate.of(2026, 12, 25)))));
        core.clock.set(Instant.parse("2026-03-06T15:30:00Z")); // Friday 16:30 in Berlin

        TicketState after = aTicket();
        core.clock.advance(Duration.ofMinutes(10));

        assertThat(after.sla().calendarVersion()).isEqualTo(2);
        assertThat(after.sla().firstResponseDueAt()).contains(Instant.parse("2026-03-09T08:30:00Z")); // Monday 09:30
        SlaExplanation explanation = explain(after);
        assertThat(explanation.firstResponse().usedMinutes()).isEqualTo(10);
        assertThat(explanation.calendarVersion()).isEqualTo(2);
        assertThat(explanation.firstResponse().state()).isEqualTo(ClockState.RUNNING);
        assertThat(explanation.firstResponse().counted()).hasSize(1);
        assertThat(explain(before).calendarVersion()).isEqualTo(1);
        assertThat(journalOf(after)).contains(JournalAction.TICKET_FILED);
        assertThat(core.journal.all()).anyMatch(e -> e.action() == JournalAction.CALENDAR_VERSIONED);
    }

    @Test
    void a_new_policy_version_leaves_existing_tickets_alone() {
        TicketState before = aTicket();
        Map<Priority, Targets> tighter = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            tighter.put(p, new Targets(15, 30));
        }

        core.admin().changeSlaPolicy().handle(new ChangeSlaPolicy.Command(acme.adminActor(), tighter));
        core.clock.advance(Duration.ofMinutes(1));
        TicketState after = aTicket();
        reply(acme.agentActor(), before.id(), "Touching the old ticket recomputes it");

        assertThat(after.sla().policyVersion()).isEqualTo(2);
        assertThat(after.sla().firstResponseDueAt()).contains(after.createdAt().plus(Duration.ofMinutes(15)));
        assertThat(stored(before).sla().policyVersion()).isEqualTo(1);
        assertThat(stored(before).sla().resolutionDueAt())
                .contains(before.createdAt().plus(Duration.ofMinutes(240)));
        assertThat(explain(before).resolution().policyMinutes()).isEqualTo(240);
    }

    @Test
    void only_admins_version_the_sla_and_a_never_open_calendar_is_refused() {
        assertThatThrownBy(() ->
                        core.admin().changeSlaPolicy().handle(new ChangeSlaPolicy.Command(acme.agentActor(), Map.of())))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> core.admin()
                        .changeBusinessHours()
                        .handle(new ChangeBusinessHours.Command(
                                acme.adminActor(),
                                version -> new WeeklyHoursCalendar(
                                        version, ZoneId.of("UTC"), WeeklyHours.closed(), Set.of()))))
                .isInstanceOf(ValidationFailed.class);
        assertThat(core.read(acme.tenant, () -> core.slaSettings.currentCalendar(acme.tenant))
                        .version())
                .isEqualTo(1);
    }

    @Test
    void explain_hides_other_tenants_tickets() {
        TicketState ticket = aTicket();

        assertThatThrownBy(
                        () -> core.desk().explainSla().handle(new ExplainSla.Command(globex.agentActor(), ticket.id())))
                .isInstanceOf(TicketNotFound.class);
    }
}
