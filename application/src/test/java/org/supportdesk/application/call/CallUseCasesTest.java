package org.supportdesk.application.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallLifecycle;
import org.supportdesk.domain.call.CallNotFound;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.call.CallOutcome;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.call.CallUnchanged;
import org.supportdesk.domain.call.CustomerCallView;
import org.supportdesk.domain.call.InvalidCallTransition;
import org.supportdesk.domain.call.PhoneNumber;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.CallFilter;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter.AssigneeFilter;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;

/** Call-backs through their use cases over the in-memory core (§9, §10, §13, seed 001). */
class CallUseCasesTest extends UseCaseTest {
    private final CustomerActor carla = acme.customerActor();

    private CustomerCallView request(CustomerActor who, Optional<Duration> ahead, Optional<TicketId> ticket) {
        return core.portal()
                .requestCallBack()
                .handle(new RequestCallBack.Command(
                        who,
                        ahead.map(core.clock.instant()::plus),
                        ticket,
                        Optional.of(new PhoneNumber("+49 30 1234567")),
                        Optional.of(new CallNote("About my invoice"))));
    }

    private CustomerCallView requestNow() {
        return request(carla, Optional.empty(), Optional.empty());
    }

    private CallView update(
            CallId call,
            Optional<CallStatus> status,
            Optional<UpdateCall.Assignment> assignment,
            Optional<Instant> at,
            Optional<CallOutcome> outcome) {
        return core.desk()
                .updateCall()
                .handle(new UpdateCall.Command(acme.agentActor(), call, status, assignment, at, outcome));
    }

    private CallView status(CallId call, CallStatus to) {
        return update(call, Optional.of(to), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private CallView assign(CallId call, Optional<UserId> to) {
        return update(
                call, Optional.empty(), Optional.of(new UpdateCall.Assignment(to)), Optional.empty(), Optional.empty());
    }

    private List<JournalEntry> journalAbout(CallId call) {
        return core.read(acme.tenant, () -> core.journal.entriesAbout(acme.tenant, call.value()));
    }

    private List<CallView> queue(CallFilter filter) {
        return core.desk()
                .listCalls()
                .handle(new ListCalls.Command(acme.agentActor(), filter, PageRequest.ofTickets(1, 50)))
                .items();
    }

    // ---- a customer asks -----------------------------------------------------------------------------------

    @Test
    void a_call_wanted_now_is_journalled_and_announced_to_the_agents() {
        TicketState ticket = aTicket();
        CustomerCallView call = request(carla, Optional.empty(), Optional.of(ticket.id()));

        assertThat(call.status()).isEqualTo(CallStatus.REQUESTED);
        assertThat(call.scheduledAt()).isEmpty();
        assertThat(call.ticket()).contains(ticket.id());
        assertThat(journalAbout(call.id())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.CALL_REQUESTED);
            assertThat(entry.actor().id()).contains(acme.customer.id());
            assertThat(entry.changes()).contains(FieldChange.of("status", null, "requested"));
        });
        NotificationIntent intent = core.outbox.intents().stream()
                .filter(i -> i.topic() == NotificationTopic.CALL_REQUESTED)
                .findFirst()
                .orElseThrow();
        assertThat(intent.audiences()).containsExactlyInAnyOrder(Audience.ALL_AGENTS, Audience.WEBHOOKS);
        assertThat(intent.call()).contains(call.id());
        assertThat(intent.ticket()).contains(ticket.id());
    }

    @Test
    void a_time_up_to_thirty_days_ahead_is_taken_and_is_when_the_call_is_due() {
        CustomerCallView call = request(carla, Optional.of(Duration.ofDays(30)), Optional.empty());

        assertThat(call.scheduledAt()).contains(core.clock.instant().plus(Duration.ofDays(30)));
        assertThat(queue(CallFilter.ALL)).singleElement().satisfies(v -> assertThat(
                        v.call().dueAt())
                .isEqualTo(core.clock.instant().plus(Duration.ofDays(30))));
    }

    @Test
    void a_call_in_the_past_or_more_than_thirty_days_ahead_is_refused_and_nothing_is_kept() {
        for (Duration ahead : List.of(
                Duration.ofSeconds(-1), Duration.ofDays(-2), Duration.ofDays(30).plusSeconds(1))) {
            assertThatThrownBy(() -> request(carla, Optional.of(ahead), Optional.empty()))
                    .as(ahead.toString())
                    .isInstanceOfSatisfying(
                            ValidationFailed.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("scheduled_at"));
        }
        assertThat(queue(CallFilter.ALL)).isEmpty();
        assertThat(core.outbox.intents()).isEmpty();
    }

    @Test
    void a_customer_cannot_attach_a_ticket_they_may_not_see_and_every_refusal_reads_alike() {
        TicketState oscars = core.fileAndRead(new FileTicket.Command(
                acme.asCustomer(acme.otherCustomer),
                new Subject("Oscar's own"),
                new Description("Private"),
                new Category("question"),
                Priority.LOW,
                PortalContext.NONE,
                Optional.empty()));
        TicketState globexTicket = core.fileAndRead(new FileTicket.Command(
                globex.customerActor(),
                new Subject("Globex's"),
                new Description("Foreign"),
                new Category("question"),
                Priority.LOW,
                PortalContext.NONE,
                Optional.empty()));

        for (TicketId refused : List.of(oscars.id(), globexTicket.id(), new TicketId(UUID.randomUUID()))) {
            assertThatThrownBy(() -> request(carla, Optional.empty(), Optional.of(refused)))
                    .isInstanceOfSatisfying(
                            ValidationFailed.class,
                            e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                                assertThat(f.field()).isEqualTo("ticket_id");
                                assertThat(f.message()).isEqualTo("must be a ticket you can see");
                            }));
        }
        assertThat(queue(CallFilter.ALL)).isEmpty();
    }

    @Test
    void an_organisation_mate_may_attach_a_shared_ticket_they_can_see() {
        TicketState carlas = aTicket();

        CustomerCallView call = request(acme.asCustomer(acme.colleague), Optional.empty(), Optional.of(carlas.id()));

        assertThat(call.ticket()).contains(carlas.id());
    }

    @Test
    void customers_see_only_their_own_calls_newest_first() {
        CustomerCallView first = requestNow();
        core.clock.advance(Duration.ofMinutes(1));
        CustomerCallView second = request(carla, Optional.of(Duration.ofDays(1)), Optional.empty());
        request(acme.asCustomer(acme.colleague), Optional.empty(), Optional.empty());
        request(globex.customerActor(), Optional.empty(), Optional.empty());

        List<CustomerCallView> own = core.portal()
                .listOwnCalls()
                .handle(new ListOwnCalls.Command(carla, PageRequest.ofTickets(1, 20)))
                .items();

        assertThat(own).extracting(CustomerCallView::id).containsExactly(second.id(), first.id());
    }

    // ---- staff work the queue -------------------------------------------------------------------------------

    @Test
    void the_queue_is_soonest_due_first_and_filters_by_status_assignee_and_due_window() {
        CustomerCallView later = request(carla, Optional.of(Duration.ofHours(5)), Optional.empty());
        CustomerCallView now = requestNow();
        CustomerCallView soon = request(carla, Optional.of(Duration.ofHours(1)), Optional.empty());
        status(soon.id(), CallStatus.SCHEDULED);
        assign(later.id(), Optional.of(acme.agent.id()));
        Instant in30Minutes = core.clock.instant().plus(Duration.ofMinutes(30));

        assertThat(ids(queue(CallFilter.ALL))).containsExactly(now.id(), soon.id(), later.id());
        assertThat(ids(queue(filter(Set.of(CallStatus.SCHEDULED), AssigneeFilter.ANY, null, null))))
                .containsExactly(soon.id());
        assertThat(ids(queue(filter(Set.of(), AssigneeFilter.of(acme.agent.id()), null, null))))
                .containsExactly(later.id());
        assertThat(ids(queue(filter(Set.of(), AssigneeFilter.NONE, null, null))))
                .containsExactly(now.id(), soon.id());
        assertThat(ids(queue(filter(Set.of(), AssigneeFilter.ANY, in30Minutes, null))))
                .containsExactly(soon.id(), later.id());
        assertThat(ids(queue(filter(Set.of(), AssigneeFilter.ANY, null, in30Minutes))))
                .containsExactly(now.id());
        assertThat(queue(CallFilter.ALL).get(0).requesterName()).isEqualTo(acme.customer.name());
    }

    static Stream<Arguments> cells() {
        return EnumSet.allOf(CallStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(CallStatus.class).stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cells")
    void every_cell_of_the_call_transition_table(CallStatus from, CallStatus to) {
        CustomerCallView call = request(carla, Optional.of(Duration.ofHours(2)), Optional.empty());
        if (from == CallStatus.SCHEDULED) {
            status(call.id(), CallStatus.SCHEDULED);
        } else if (from != CallStatus.REQUESTED) {
            status(call.id(), from);
        }
        int journalled = journalAbout(call.id()).size();

        if (from == to) {
            assertThatThrownBy(() -> status(call.id(), to)).isInstanceOf(CallUnchanged.class);
            assertThat(journalAbout(call.id())).hasSize(journalled);
        } else if (CallLifecycle.allows(from, to)) {
            assertThat(status(call.id(), to).call().status()).isEqualTo(to);
            assertThat(journalAbout(call.id()).get(journalled).action()).isEqualTo(JournalAction.CALL_UPDATED);
            assertThat(journalAbout(call.id()).get(journalled).changes())
                    .containsExactly(FieldChange.of("status", from.wireName(), to.wireName()));
        } else {
            assertThatThrownBy(() -> status(call.id(), to))
                    .isInstanceOfSatisfying(InvalidCallTransition.class, e -> assertThat(e.allowedTargets())
                            .isEqualTo(CallLifecycle.targets(from)));
            assertThat(journalAbout(call.id())).hasSize(journalled);
        }
    }

    @Test
    void the_assignee_must_be_an_active_agent_or_admin_of_the_tenant() {
        CustomerCallView call = requestNow();

        assertThat(assign(call.id(), Optional.of(acme.admin.id())).call().assignee())
                .contains(acme.admin.id());
        for (UserId refused : List.of(
                acme.deactivatedAgent.id(), acme.customer.id(), globex.agent.id(), new UserId(UUID.randomUUID()))) {
            assertThatThrownBy(() -> assign(call.id(), Optional.of(refused)))
                    .isInstanceOfSatisfying(
                            ValidationFailed.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("assignee_id"));
        }
        assertThat(assign(call.id(), Optional.empty()).call().assignee()).isEmpty();
    }

    @Test
    void staff_schedule_a_call_wanted_now_with_a_time_and_note_the_outcome_once_done() {
        CustomerCallView call = requestNow();
        Instant at = core.clock.instant().plus(Duration.ofHours(4));

        CallView scheduled = update(
                call.id(), Optional.of(CallStatus.SCHEDULED), Optional.empty(), Optional.of(at), Optional.empty());
        CallView done = update(
                call.id(),
                Optional.of(CallStatus.DONE),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new CallOutcome("Solved on the phone")));

        assertThat(scheduled.call().dueAt()).isEqualTo(at);
        assertThat(done.call().outcome()).contains(new CallOutcome("Solved on the phone"));
        assertThat(journalAbout(call.id()))
                .extracting(JournalEntry::action)
                .containsExactly(JournalAction.CALL_REQUESTED, JournalAction.CALL_UPDATED, JournalAction.CALL_UPDATED);
    }

    @Test
    void another_tenants_staff_find_no_such_call() {
        CustomerCallView call = requestNow();

        assertThatThrownBy(() -> core.desk().getCall().handle(new GetCall.Command(globex.agentActor(), call.id())))
                .isInstanceOf(CallNotFound.class);
        assertThatThrownBy(() -> core.desk()
                        .updateCall()
                        .handle(new UpdateCall.Command(
                                globex.agentActor(),
                                call.id(),
                                Optional.of(CallStatus.CANCELLED),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())))
                .isInstanceOf(CallNotFound.class);
    }

    private static CallFilter filter(Set<CallStatus> statuses, AssigneeFilter assignee, Instant from, Instant to) {
        return new CallFilter(Optional.empty(), statuses, assignee, Optional.ofNullable(from), Optional.ofNullable(to));
    }

    private static List<CallId> ids(List<CallView> views) {
        return views.stream().map(v -> v.call().id()).toList();
    }
}
