package org.supportdesk.domain.call;

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
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;
import org.supportdesk.domain.ticket.TicketId;

class CallRequestTest {
    private static final Instant NOW = Changes.T0;
    private final CustomerActor customer = Fixtures.asCustomer(Fixtures.customer(Fixtures.TENANT));
    private final Person agent = Fixtures.agent(Fixtures.TENANT);

    private CallRequest request(Optional<Instant> at) {
        return CallRequest.request(
                new CallId(UUID.randomUUID()),
                customer,
                Optional.empty(),
                Optional.of(new PhoneNumber("+49 30 1234567")),
                Optional.of(new CallNote("About my invoice")),
                at,
                NOW);
    }

    // ---- the window a customer may ask for ------------------------------------------------------------------

    @Test
    void a_call_wanted_now_is_due_when_it_was_asked_for() {
        CallRequest call = request(Optional.empty());

        assertThat(call.status()).isEqualTo(CallStatus.REQUESTED);
        assertThat(call.scheduledAt()).isEmpty();
        assertThat(call.dueAt()).isEqualTo(NOW);
        assertThat(call.requester()).isEqualTo(customer.id());
        assertThat(call.tenant()).isEqualTo(customer.tenant());
    }

    @Test
    void any_time_from_now_to_thirty_days_ahead_is_accepted_and_is_when_the_call_is_due() {
        for (Instant at : List.of(NOW, NOW.plusSeconds(1), NOW.plus(Duration.ofDays(30)))) {
            assertThat(request(Optional.of(at)).dueAt()).isEqualTo(at);
        }
    }

    @Test
    void a_time_in_the_past_is_refused_on_scheduled_at() {
        for (Instant at : List.of(NOW.minusNanos(1000), NOW.minus(Duration.ofDays(1)))) {
            assertThatThrownBy(() -> request(Optional.of(at)))
                    .isInstanceOfSatisfying(
                            ValidationFailed.class,
                            e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                                assertThat(f.field()).isEqualTo("scheduled_at");
                                assertThat(f.message()).contains("past");
                            }));
        }
    }

    @Test
    void a_time_more_than_thirty_days_ahead_is_refused_on_scheduled_at() {
        for (Instant at : List.of(NOW.plus(Duration.ofDays(30)).plusNanos(1000), NOW.plus(Duration.ofDays(31)))) {
            assertThatThrownBy(() -> request(Optional.of(at)))
                    .isInstanceOfSatisfying(
                            ValidationFailed.class,
                            e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                                assertThat(f.field()).isEqualTo("scheduled_at");
                                assertThat(f.message()).contains("30 days");
                            }));
        }
    }

    @Test
    void the_journal_records_what_was_asked_for() {
        TicketId ticket = new TicketId(UUID.randomUUID());
        CallRequest call = CallRequest.request(
                new CallId(UUID.randomUUID()),
                customer,
                Optional.of(ticket),
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW.plus(Duration.ofDays(1))),
                NOW);

        assertThat(call.asRequested())
                .containsExactly(
                        FieldChange.of("status", null, "requested"),
                        FieldChange.of("scheduled_at", null, NOW.plus(Duration.ofDays(1))),
                        FieldChange.of("ticket_id", null, ticket));
    }

    // ---- every cell of the transition table -----------------------------------------------------------------

    static Stream<Arguments> cells() {
        return EnumSet.allOf(CallStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(CallStatus.class).stream().map(to -> Arguments.of(from, to)));
    }

    /** The table as the product states it, independent of how CallLifecycle writes it down. */
    private static boolean allowed(CallStatus from, CallStatus to) {
        return switch (from) {
            case REQUESTED -> to == CallStatus.SCHEDULED || to == CallStatus.DONE || to == CallStatus.CANCELLED;
            case SCHEDULED -> to == CallStatus.DONE || to == CallStatus.CANCELLED;
            case DONE, CANCELLED -> false;
        };
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cells")
    void every_cell_of_the_table_moves_or_is_refused_naming_the_allowed_targets(CallStatus from, CallStatus to) {
        CallRequest call = in(from);
        CallChange change = new CallChange(Optional.of(to), Optional.empty(), Optional.empty(), Optional.empty());

        if (from == to) {
            assertThat(call.change(change, NOW).changedAnything()).isFalse();
        } else if (allowed(from, to)) {
            CallRequest.Changed changed = call.change(change, NOW.plusSeconds(60));
            assertThat(changed.call().status()).isEqualTo(to);
            assertThat(changed.call().updatedAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(changed.changes()).containsExactly(FieldChange.of("status", from.wireName(), to.wireName()));
        } else {
            Set<CallStatus> targets = EnumSet.noneOf(CallStatus.class);
            for (CallStatus t : CallStatus.values()) {
                if (allowed(from, t)) {
                    targets.add(t);
                }
            }
            assertThatThrownBy(() -> call.change(change, NOW))
                    .isInstanceOfSatisfying(InvalidCallTransition.class, e -> {
                        assertThat(e.code()).isEqualTo(ProblemCode.INVALID_TRANSITION);
                        assertThat(e.allowedTargets()).isEqualTo(targets);
                    });
        }
        assertThat(CallLifecycle.allows(from, to)).isEqualTo(allowed(from, to));
    }

    /** A call in {@code status}, with a time so that it may be scheduled. */
    private CallRequest in(CallStatus status) {
        CallRequest call = request(Optional.of(NOW.plus(Duration.ofHours(2))));
        return switch (status) {
            case REQUESTED -> call;
            case SCHEDULED, DONE, CANCELLED -> status(status(call, CallStatus.SCHEDULED), status);
        };
    }

    private static CallRequest status(CallRequest call, CallStatus to) {
        return call.status() == to
                ? call
                : call.change(
                                new CallChange(Optional.of(to), Optional.empty(), Optional.empty(), Optional.empty()),
                                NOW)
                        .call();
    }

    // ---- the other changes ------------------------------------------------------------------------------------

    @Test
    void a_call_wanted_now_is_scheduled_only_with_a_time_and_the_time_moves_when_it_is_due() {
        CallRequest call = request(Optional.empty());

        assertThatThrownBy(() -> call.change(
                        new CallChange(
                                Optional.of(CallStatus.SCHEDULED),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        NOW))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("scheduled_at"));

        Instant later = NOW.plus(Duration.ofHours(3));
        CallRequest.Changed scheduled = call.change(
                new CallChange(
                        Optional.of(CallStatus.SCHEDULED), Optional.empty(), Optional.of(later), Optional.empty()),
                NOW);
        assertThat(scheduled.call().status()).isEqualTo(CallStatus.SCHEDULED);
        assertThat(scheduled.call().dueAt()).isEqualTo(later);
        assertThat(scheduled.changes())
                .containsExactly(
                        FieldChange.of("scheduled_at", null, later),
                        FieldChange.of("status", "requested", "scheduled"));
    }

    @Test
    void staff_may_not_move_a_call_into_the_past() {
        CallRequest call = request(Optional.empty());

        assertThatThrownBy(() -> call.change(
                        new CallChange(
                                Optional.empty(), Optional.empty(), Optional.of(NOW.minusSeconds(1)), Optional.empty()),
                        NOW))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("scheduled_at"));
    }

    @Test
    void only_an_active_agent_or_admin_of_the_tenant_is_assigned_and_none_unassigns() {
        CallRequest call = request(Optional.empty());
        CallRequest.Changed assigned = call.change(assign(Optional.of(agent)), NOW);

        assertThat(assigned.call().assignee()).contains(agent.id());
        assertThat(assigned.changes()).containsExactly(FieldChange.of("assignee_id", null, agent.id()));
        assertThat(assigned.call().change(assign(Optional.empty()), NOW).call().assignee())
                .isEmpty();
        for (Person refused : List.of(
                Fixtures.deactivatedAgent(Fixtures.TENANT, "Dora Departed"),
                Fixtures.customer(Fixtures.TENANT, "Colin Customer"),
                Fixtures.agent(Fixtures.OTHER_TENANT))) {
            assertThatThrownBy(() -> call.change(assign(Optional.of(refused)), NOW))
                    .as(refused.name())
                    .isInstanceOfSatisfying(
                            ValidationFailed.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("assignee_id"));
        }
    }

    @Test
    void a_done_call_keeps_its_time_and_assignee_and_only_its_outcome_changes() {
        CallRequest done = in(CallStatus.DONE);

        assertThatThrownBy(() -> done.change(assign(Optional.of(agent)), NOW))
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(ProblemCode.CONFLICT));
        assertThatThrownBy(() -> done.change(
                        new CallChange(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(NOW.plus(Duration.ofDays(1))),
                                Optional.empty()),
                        NOW))
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(ProblemCode.CONFLICT));

        CallRequest.Changed noted = done.change(
                new CallChange(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new CallOutcome("Sorted"))),
                NOW);
        assertThat(noted.call().outcome()).contains(new CallOutcome("Sorted"));
        assertThat(noted.changes()).containsExactly(FieldChange.of("outcome", null, "Sorted"));
    }

    @Test
    void values_equal_to_the_current_ones_are_no_change() {
        CallRequest call = request(Optional.of(NOW.plus(Duration.ofHours(1))));

        CallRequest.Changed same = call.change(
                new CallChange(
                        Optional.of(CallStatus.REQUESTED),
                        Optional.of(new CallChange.Assignment(Optional.empty())),
                        call.scheduledAt(),
                        Optional.empty()),
                NOW);

        assertThat(same.changedAnything()).isFalse();
        assertThat(same.call()).isSameAs(call);
    }

    @Test
    void the_customer_view_has_what_they_asked_for_and_nothing_of_the_staffs() {
        CallRequest call = request(Optional.empty())
                .change(
                        new CallChange(
                                Optional.of(CallStatus.DONE),
                                Optional.of(new CallChange.Assignment(Optional.of(agent))),
                                Optional.empty(),
                                Optional.of(new CallOutcome("Internal remark"))),
                        NOW.plusSeconds(5))
                .call();

        CustomerCallView view = CustomerCallView.of(call);

        assertThat(view.id()).isEqualTo(call.id());
        assertThat(view.status()).isEqualTo(CallStatus.DONE);
        assertThat(view.requestedAt()).isEqualTo(NOW);
        assertThat(view.toString()).doesNotContain("Internal remark", agent.id().toString());
    }

    @Test
    void phone_numbers_are_kept_as_written_and_refused_when_they_cannot_be_dialled() {
        assertThat(new PhoneNumber(" +1 (555) 010-9999 ").value()).isEqualTo("+1 (555) 010-9999");
        for (String bad : List.of("", "12-34", "call me", "+1 555 0100 ext 3", "1+5550100", "0".repeat(33))) {
            assertThatThrownBy(() -> new PhoneNumber(bad)).as(bad).isInstanceOf(ValidationFailed.class);
        }
    }

    private static CallChange assign(Optional<Person> person) {
        return new CallChange(
                Optional.empty(), Optional.of(new CallChange.Assignment(person)), Optional.empty(), Optional.empty());
    }
}
