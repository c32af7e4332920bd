package org.supportdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.supportdesk.domain.testing.TicketBuilder.aTicket;
import static org.supportdesk.domain.ticket.TicketStatus.CLOSED;
import static org.supportdesk.domain.ticket.TicketStatus.IN_PROGRESS;
import static org.supportdesk.domain.ticket.TicketStatus.NEW;
import static org.supportdesk.domain.ticket.TicketStatus.ON_HOLD;
import static org.supportdesk.domain.ticket.TicketStatus.RESOLVED;
import static org.supportdesk.domain.ticket.TicketStatus.WAITING_ON_CUSTOMER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.ProblemCode;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;
import org.supportdesk.domain.testing.SequentialIds;

/** The ticket aggregate through its public methods: transitions, their effects, guards and bookkeeping. */
class TicketTest {
    static final Duration REOPEN_WINDOW = Duration.ofDays(7);
    static final Duration AUTO_CLOSE_DELAY = Duration.ofDays(7);

    static final Organization SHARED = Fixtures.organization(Fixtures.TENANT, true);
    static final Person REQUESTER = Fixtures.member(SHARED, "Rita Requester");
    static final Person ORG_MATE = Fixtures.member(SHARED, "Otto Orgmate");
    static final Person OTHER_CUSTOMER = Fixtures.customer(Fixtures.TENANT, "Olga Other");
    static final Person AGENT = Fixtures.agent(Fixtures.TENANT);
    static final Person ADMIN = Fixtures.admin(Fixtures.TENANT);
    static final Person BACKUP_AGENT = Fixtures.agent(Fixtures.TENANT, "Bea Backup");
    static final Person RETIRED_AGENT = Fixtures.deactivatedAgent(Fixtures.TENANT, "Rex Retired");
    static final Person FOREIGN_AGENT = Fixtures.agent(Fixtures.OTHER_TENANT, "Fay Foreign");

    final Changes changes = Changes.atT0();

    static Actor requester() {
        return Fixtures.asCustomer(REQUESTER, SHARED);
    }

    static Actor orgMate() {
        return Fixtures.asCustomer(ORG_MATE, SHARED);
    }

    static Actor otherCustomer() {
        return Fixtures.asCustomer(OTHER_CUSTOMER);
    }

    static Actor agent() {
        return Fixtures.asStaff(AGENT);
    }

    static Actor admin() {
        return Fixtures.asStaff(ADMIN);
    }

    static Actor system() {
        return Fixtures.system(Fixtures.TENANT);
    }

    static Ticket ticketIn(TicketStatus status) {
        return aTicket().requestedBy(REQUESTER).withStatus(status).build();
    }

    static Body body(String text) {
        return new Body(text);
    }

    Message reply(Ticket ticket, Actor actor, String text) {
        return ticket.reply(body(text), Via.PORTAL, false, REOPEN_WINDOW, changes.by(actor));
    }

    static <T extends TicketEvent> List<T> eventsOf(Ticket ticket, Class<T> type) {
        return ticket.events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    static List<Message> systemMessages(Ticket ticket) {
        return ticket.newMessages().stream()
                .filter(m -> m.kind() == MessageKind.SYSTEM)
                .collect(Collectors.toList());
    }

    static void assertFieldError(Throwable thrown, String field) {
        assertThat(thrown).isInstanceOf(ValidationFailed.class);
        assertThat(((ValidationFailed) thrown).errors())
                .extracting(FieldError::field)
                .containsOnly(field);
        assertThat(((ValidationFailed) thrown).code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
    }

    static NewTicket newTicket(Person requester) {
        return new NewTicket(
                new TicketId(SequentialIds.uuid(9_000)),
                new TicketNumber(2026, 7),
                new Subject("Cannot log in"),
                new Description("The login page spins forever."),
                new Category("technical"),
                Priority.HIGH,
                requester.id(),
                requester.organization(),
                TicketSource.PORTAL,
                PortalContext.NONE,
                CustomFields.EMPTY,
                Optional.empty(),
                1,
                1);
    }

    @Nested
    class Filing {
        @Test
        void a_filed_ticket_starts_new_at_version_one_with_a_ticket_filed_event() {
            Ticket ticket = Ticket.file(newTicket(REQUESTER), changes.by(requester()));

            TicketState state = ticket.state();
            assertThat(state.status()).isEqualTo(NEW);
            assertThat(state.version()).isEqualTo(1);
            assertThat(state.createdAt()).isEqualTo(Changes.T0).isEqualTo(state.updatedAt());
            assertThat(state.requester()).isEqualTo(REQUESTER.id());
            assertThat(state.organization()).contains(SHARED.id());
            assertThat(state.assignee()).isEmpty();
            assertThat(state.messagesCount()).isZero();
            assertThat(ticket.isNew()).isTrue();
            assertThat(ticket.events()).singleElement().isInstanceOfSatisfying(TicketFiled.class, filed -> {
                assertThat(filed.priority()).isEqualTo(Priority.HIGH);
                assertThat(filed.by()).isEqualTo(requester().asAuthor());
            });
        }

        @Test
        void staff_file_on_behalf_of_a_customer() {
            Ticket ticket = Ticket.file(newTicket(REQUESTER), changes.by(agent()));

            assertThat(ticket.state().requester()).isEqualTo(REQUESTER.id());
            assertThat(ticket.events())
                    .singleElement()
                    .extracting(TicketEvent::by)
                    .isEqualTo(agent().asAuthor());
        }

        @Test
        void a_customer_cannot_file_for_someone_else_and_the_system_files_nothing() {
            assertThatThrownBy(() -> Ticket.file(newTicket(REQUESTER), changes.by(orgMate())))
                    .isInstanceOf(Forbidden.class);
            assertThatThrownBy(() -> Ticket.file(newTicket(REQUESTER), changes.by(system())))
                    .isInstanceOf(Forbidden.class);
        }
    }

    @Nested
    class StaffReplies {
        @Test
        void the_first_public_staff_reply_sets_first_responded_at_and_moves_new_to_in_progress() {
            Ticket ticket = ticketIn(NEW);
            changes.advance(Duration.ofMinutes(30));

            Message message = reply(ticket, agent(), "We are on it.");

            TicketState state = ticket.state();
            assertThat(state.sla().firstRespondedAt()).contains(changes.now());
            assertThat(state.status()).isEqualTo(IN_PROGRESS);
            assertThat(message.kind()).isEqualTo(MessageKind.PUBLIC);
            assertThat(message.customerVisible()).isTrue();
            assertThat(ticket.events())
                    .extracting(TicketEvent::action)
                    .extracting(a -> a.wireName())
                    .containsExactly("message_posted", "status_changed", "message_posted");
            StatusChanged moved = eventsOf(ticket, StatusChanged.class).get(0);
            assertThat(moved.from()).isEqualTo(NEW);
            assertThat(moved.to()).isEqualTo(IN_PROGRESS);
            assertThat(moved.trigger()).isEqualTo(Trigger.STAFF);
            assertThat(systemMessages(ticket)).singleElement().satisfies(m -> assertThat(m.customerVisible())
                    .isTrue());
        }

        @Test
        void a_later_staff_reply_keeps_the_first_response_time_and_the_status() {
            Instant first = Changes.T0.plusSeconds(60);
            Ticket ticket =
                    aTicket().withStatus(IN_PROGRESS).firstRespondedAt(first).build();
            changes.advance(Duration.ofHours(2));

            reply(ticket, agent(), "Any news?");

            assertThat(ticket.state().sla().firstRespondedAt()).contains(first);
            assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
            assertThat(eventsOf(ticket, StatusChanged.class)).isEmpty();
        }

        @Test
        void a_second_reply_in_the_same_unit_of_work_does_not_move_the_first_response() {
            Ticket ticket = ticketIn(NEW);
            Instant first = changes.now();
            reply(ticket, agent(), "First.");
            changes.advance(Duration.ofMinutes(5));
            reply(ticket, admin(), "Second.");

            assertThat(ticket.state().sla().firstRespondedAt()).contains(first);
            assertThat(eventsOf(ticket, StatusChanged.class)).hasSize(1);
        }

        @ParameterizedTest
        @EnumSource(
                value = TicketStatus.class,
                names = {"IN_PROGRESS", "WAITING_ON_CUSTOMER", "ON_HOLD", "RESOLVED"})
        void the_first_public_staff_reply_in_any_other_status_sets_first_responded_at_but_keeps_the_status(
                TicketStatus status) {
            Ticket ticket = ticketIn(status);

            reply(ticket, agent(), "Hello.");

            assertThat(ticket.state().sla().firstRespondedAt()).contains(changes.now());
            assertThat(ticket.status()).isEqualTo(status);
            assertThat(eventsOf(ticket, StatusChanged.class)).isEmpty();
        }

        @Test
        void an_internal_note_is_no_first_response_and_leaves_a_new_ticket_new() {
            Ticket ticket = ticketIn(NEW);

            Message note = ticket.addInternalNote(body("Looks like the Q3 bug."), Via.API, changes.by(agent()));

            assertThat(note.kind()).isEqualTo(MessageKind.INTERNAL);
            assertThat(note.customerVisible()).isFalse();
            assertThat(ticket.status()).isEqualTo(NEW);
            assertThat(ticket.state().sla().firstRespondedAt()).isEmpty();
            assertThat(ticket.state().messagesCount()).isEqualTo(1);
            assertThat(ticket.events()).singleElement().isInstanceOfSatisfying(MessagePosted.class, posted -> {
                assertThat(posted.kind()).isEqualTo(MessageKind.INTERNAL);
                assertThat(posted.customerVisible()).isFalse();
            });
        }

        @Test
        void a_customer_reply_is_no_first_response() {
            Ticket ticket = ticketIn(NEW);

            reply(ticket, requester(), "Hello?");

            assertThat(ticket.state().sla().firstRespondedAt()).isEmpty();
            assertThat(ticket.status()).isEqualTo(NEW);
        }

        @Test
        void staff_may_mark_the_message_that_resolved_it_without_changing_the_status() {
            Ticket ticket = ticketIn(IN_PROGRESS);

            Message message = ticket.reply(body("Fixed."), Via.PORTAL, true, REOPEN_WINDOW, changes.by(agent()));

            assertThat(message.resolution()).isTrue();
            assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
        }

        @Test
        void customers_cannot_mark_the_resolution_and_the_system_cannot_reply() {
            Ticket ticket = ticketIn(IN_PROGRESS);

            assertFieldError(
                    catchThrowableOfType(
                            ValidationFailed.class,
                            () -> ticket.reply(
                                    body("Fixed!"), Via.PORTAL, true, REOPEN_WINDOW, changes.by(requester()))),
                    "is_resolution");
            assertThatThrownBy(() -> reply(ticket, system(), "beep")).isInstanceOf(Forbidden.class);
            assertThat(ticket.events()).isEmpty();
        }

        @Test
        void customers_write_no_internal_notes_and_neither_does_the_system() {
            Ticket ticket = ticketIn(IN_PROGRESS);

            assertThatThrownBy(() -> ticket.addInternalNote(body("psst"), Via.PORTAL, changes.by(requester())))
                    .isInstanceOf(Forbidden.class);
            assertThatThrownBy(() -> ticket.addInternalNote(body("psst"), Via.PORTAL, changes.by(system())))
                    .isInstanceOf(Forbidden.class);
        }

        @Test
        void every_message_updates_the_count_and_the_last_message_time() {
            Ticket ticket = aTicket()
                    .withStatus(IN_PROGRESS)
                    .withMessages(3, Changes.T0)
                    .build();
            Instant later = changes.advance(Duration.ofMinutes(9));

            ticket.addInternalNote(body("note"), Via.API, changes.by(agent()));

            assertThat(ticket.state().messagesCount()).isEqualTo(4);
            assertThat(ticket.state().lastMessageAt()).contains(later);
            assertThat(ticket.state().updatedAt()).isEqualTo(later);
        }
    }

    @Nested
    class Assignment {
        @Test
        void assigning_a_new_ticket_moves_it_to_in_progress_and_records_it_internally() {
            Ticket ticket = ticketIn(NEW);
            Instant at = changes.advance(Duration.ofMinutes(3));

            assertThat(ticket.assign(Optional.of(BACKUP_AGENT), changes.by(agent())))
                    .isTrue();

            TicketState state = ticket.state();
            assertThat(state.assignee()).contains(BACKUP_AGENT.id());
            assertThat(state.assignedAt()).contains(at);
            assertThat(state.status()).isEqualTo(IN_PROGRESS);
            assertThat(ticket.events())
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("TicketAssigned", "MessagePosted", "StatusChanged", "MessagePosted");
            TicketAssigned assigned = eventsOf(ticket, TicketAssigned.class).get(0);
            assertThat(assigned.from()).isEmpty();
            assertThat(assigned.to()).contains(BACKUP_AGENT.id());
            List<Message> system = systemMessages(ticket);
            assertThat(system).hasSize(2);
            assertThat(system.get(0).customerVisible()).as("assignment message").isFalse();
            assertThat(system.get(0).body().value()).contains(BACKUP_AGENT.name());
            assertThat(system.get(1).customerVisible()).as("status message").isTrue();
            assertThat(eventsOf(ticket, StatusChanged.class).get(0).trigger()).isEqualTo(Trigger.STAFF);
        }

        @ParameterizedTest
        @EnumSource(
                value = TicketStatus.class,
                names = {"IN_PROGRESS", "WAITING_ON_CUSTOMER", "ON_HOLD", "RESOLVED"})
        void assigning_a_ticket_that_is_not_new_keeps_its_status(TicketStatus status) {
            Ticket ticket = ticketIn(status);

            ticket.assign(Optional.of(AGENT), changes.by(admin()));

            assertThat(ticket.status()).isEqualTo(status);
            assertThat(eventsOf(ticket, StatusChanged.class)).isEmpty();
            assertThat(systemMessages(ticket)).singleElement().satisfies(m -> assertThat(m.customerVisible())
                    .isFalse());
        }

        @Test
        void an_admin_can_be_assigned_and_reassigning_moves_the_assignment_time() {
            Ticket ticket = aTicket().withStatus(IN_PROGRESS).assignedTo(AGENT).build();
            Instant at = changes.advance(Duration.ofDays(1));

            assertThat(ticket.assign(Optional.of(ADMIN), changes.by(agent()))).isTrue();

            assertThat(ticket.state().assignee()).contains(ADMIN.id());
            assertThat(ticket.state().assignedAt()).contains(at);
            TicketAssigned assigned = eventsOf(ticket, TicketAssigned.class).get(0);
            assertThat(assigned.from()).contains(AGENT.id());
            assertThat(assigned.to()).contains(ADMIN.id());
            assertThat(assigned.changes()).singleElement().satisfies(change -> {
                assertThat(change.field()).isEqualTo("assignee_id");
                assertThat(change.before()).contains(AGENT.id().toString());
                assertThat(change.after()).contains(ADMIN.id().toString());
            });
        }

        @Test
        void assigning_the_current_assignee_changes_nothing() {
            Ticket ticket = aTicket().withStatus(IN_PROGRESS).assignedTo(AGENT).build();

            assertThat(ticket.assign(Optional.of(AGENT), changes.by(agent()))).isFalse();

            assertThat(ticket.events()).isEmpty();
            assertThat(ticket.state().version()).isEqualTo(1);
        }

        @Test
        void unassigning_clears_assignee_and_assigned_at_with_an_internal_message_and_keeps_the_status() {
            Ticket ticket = aTicket().withStatus(IN_PROGRESS).assignedTo(AGENT).build();

            assertThat(ticket.assign(Optional.empty(), changes.by(agent()))).isTrue();

            assertThat(ticket.state().assignee()).isEmpty();
            assertThat(ticket.state().assignedAt()).isEmpty();
            assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
            TicketAssigned assigned = eventsOf(ticket, TicketAssigned.class).get(0);
            assertThat(assigned.from()).contains(AGENT.id());
            assertThat(assigned.to()).isEmpty();
            assertThat(systemMessages(ticket)).singleElement().satisfies(m -> assertThat(m.customerVisible())
                    .isFalse());
        }

        @Test
        void unassigning_an_unassigned_ticket_changes_nothing() {
            Ticket ticket = ticketIn(NEW);

            assertThat(ticket.assign(Optional.empty(), changes.by(agent()))).isFalse();

            assertThat(ticket.events()).isEmpty();
            assertThat(ticket.status()).isEqualTo(NEW);
        }

        static Stream<Arguments> people_who_cannot_be_assigned() {
            return Stream.of(
                    Arguments.of("a deactivated agent", RETIRED_AGENT),
                    Arguments.of("a customer", OTHER_CUSTOMER),
                    Arguments.of("the requester", REQUESTER),
                    Arguments.of("an agent of another tenant", FOREIGN_AGENT),
                    Arguments.of(
                            "a deactivated admin",
                            Fixtures.person(
                                    Fixtures.TENANT,
                                    "Old Boss",
                                    org.supportdesk.domain.tenant.Role.ADMIN,
                                    Optional.empty(),
                                    false)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("people_who_cannot_be_assigned")
        void assigning_someone_who_cannot_work_the_ticket_is_a_validation_failure_on_assignee_id(
                String who, Person person) {
            Ticket ticket = ticketIn(NEW);

            assertFieldError(
                    catchThrowableOfType(
                            ValidationFailed.class, () -> ticket.assign(Optional.of(person), changes.by(admin()))),
                    "assignee_id");
            assertThat(ticket.status()).isEqualTo(NEW);
            assertThat(ticket.events()).isEmpty();
        }

        @Test
        void customers_and_the_system_cannot_assign() {
            Ticket ticket = ticketIn(NEW);

            assertThatThrownBy(() -> ticket.assign(Optional.of(AGENT), changes.by(requester())))
                    .isInstanceOf(Forbidden.class);
            assertThatThrownBy(() -> ticket.assign(Optional.of(AGENT), changes.by(system())))
                    .isInstanceOf(Forbidden.class);
        }
    }

    @Nested
    class CustomerReplies {
        @Test
        void a_customer_reply_on_waiting_on_customer_moves_it_to_in_progress() {
            Ticket ticket = ticketIn(WAITING_ON_CUSTOMER);

            reply(ticket, requester(), "Here is the log.");

            assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
            StatusChanged moved = eventsOf(ticket, StatusChanged.class).get(0);
            assertThat(moved.from()).isEqualTo(WAITING_ON_CUSTOMER);
            assertThat(moved.trigger()).isEqualTo(Trigger.CUSTOMER_REPLY);
            assertThat(moved.by()).isEqualTo(requester().asAuthor());
            assertThat(ticket.newMessages())
                    .extracting(Message::kind, Message::customerVisible)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(MessageKind.PUBLIC, true),
                            org.assertj.core.groups.Tuple.tuple(MessageKind.SYSTEM, true));
        }

        @ParameterizedTest
        @EnumSource(
                value = TicketStatus.class,
                names = {"NEW", "IN_PROGRESS", "ON_HOLD"})
        void a_customer_reply_on_other_open_statuses_changes_no_status(TicketStatus status) {
            Ticket ticket = ticketIn(status);

            reply(ticket, requester(), "Any news?");

            assertThat(ticket.status()).isEqualTo(status);
            assertThat(eventsOf(ticket, StatusChanged.class)).isEmpty();
        }

        @Test
        void a_customer_reply_within_the_reopen_window_reopens_and_clears_resolved_at() {
            Instant resolved = Changes.T0.plus(Duration.ofHours(1));
            Ticket ticket =
                    aTicket().requestedBy(REQUESTER).resolvedAt(resolved).build();
            changes.setNow(resolved.plus(Duration.ofDays(3)));

            reply(ticket, requester(), "It is broken again.");

            assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
            assertThat(ticket.state().sla().resolvedAt()).isEmpty();
            StatusChanged reopened = eventsOf(ticket, StatusChanged.class).get(0);
            assertThat(reopened.from()).isEqualTo(RESOLVED);
            assertThat(reopened.to()).isEqualTo(IN_PROGRESS);
            assertThat(reopened.trigger()).isEqualTo(Trigger.CUSTOMER_REPLY);
        }

        @Test
        void an_organisation_mate_may_reply_and_so_reopen() {
            Ticket ticket =
                    aTicket().requestedBy(REQUESTER).withStatus(RESOLVED).build();
            changes.advance(Duration.ofDays(1));

            reply(ticket, orgMate(), "Still broken for me.");

            assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
        }

        @Test
        void a_customer_reply_after_the_reopen_window_requires_a_follow_up_and_changes_nothing() {
            Instant resolved = Changes.T0.plus(Duration.ofHours(1));
            Ticket ticket =
                    aTicket().requestedBy(REQUESTER).resolvedAt(resolved).build();
            TicketState before = ticket.state();
            changes.setNow(resolved.plus(Duration.ofDays(8)));

            FollowUpRequired refusal =
                    catchThrowableOfType(FollowUpRequired.class, () -> reply(ticket, requester(), "Again!"));

            assertThat(refusal).isNotNull();
            assertThat(refusal.code()).isEqualTo(ProblemCode.FOLLOW_UP_REQUIRED);
            assertThat(refusal.ticket()).isEqualTo(ticket.id());
            assertThat(refusal.detail()).contains("follow_up_of");
            assertThat(ticket.state()).isEqualTo(before);
            assertThat(ticket.events()).isEmpty();
            assertThat(ticket.newMessages()).isEmpty();
        }

        @Test
        void the_reopen_window_includes_its_last_microsecond_and_no_more() {
            Instant resolved = Changes.T0.plus(Duration.ofHours(1));
            Instant boundary = resolved.plus(REOPEN_WINDOW);

            Ticket atBoundary =
                    aTicket().requestedBy(REQUESTER).resolvedAt(resolved).build();
            changes.setNow(boundary);
            reply(atBoundary, requester(), "Just in time.");
            assertThat(atBoundary.status()).isEqualTo(IN_PROGRESS);

            Ticket aNanoLate =
                    aTicket().requestedBy(REQUESTER).resolvedAt(resolved).build();
            changes.setNow(boundary.plusNanos(999)); // truncated to the boundary by ChangeContext
            reply(aNanoLate, requester(), "Truncated to the boundary.");
            assertThat(aNanoLate.status()).isEqualTo(IN_PROGRESS);

            Ticket aMicroLate =
                    aTicket().requestedBy(REQUESTER).resolvedAt(resolved).build();
            changes.setNow(boundary.plusNanos(1_000));
            assertThatThrownBy(() -> reply(aMicroLate, requester(), "Too late."))
                    .isInstanceOf(FollowUpRequired.class);
        }

        @Test
        void a_staff_reply_on_a_resolved_ticket_does_not_reopen_it_whatever_the_time() {
            Ticket ticket = aTicket().withStatus(RESOLVED).build();
            changes.advance(Duration.ofDays(30));

            reply(ticket, agent(), "Glad it works.");

            assertThat(ticket.status()).isEqualTo(RESOLVED);
            assertThat(ticket.state().sla().resolvedAt()).isPresent();
        }
    }

    @Nested
    class CustomerClose {
        @ParameterizedTest
        @EnumSource(
                value = TicketStatus.class,
                names = {"NEW", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "ON_HOLD"})
        void the_requester_closes_an_open_ticket_as_no_longer_needed(TicketStatus status) {
            Ticket ticket = ticketIn(status);
            Instant at = changes.advance(Duration.ofMinutes(1));

            ticket.closeAsCustomer(Optional.empty(), changes.by(requester()));

            assertThat(ticket.status()).isEqualTo(CLOSED);
            assertThat(ticket.state().sla().closedAt()).contains(at);
            StatusChanged closed = eventsOf(ticket, StatusChanged.class).get(0);
            assertThat(closed.trigger()).isEqualTo(Trigger.CUSTOMER_CLOSE);
            assertThat(closed.reason()).contains("no longer needed");
            assertThat(systemMessages(ticket)).singleElement().satisfies(m -> assertThat(m.customerVisible())
                    .isTrue());
        }

        @Test
        void the_requester_confirms_a_resolved_ticket_and_keeps_its_resolution_time() {
            Instant resolved = Changes.T0.plus(Duration.ofHours(2));
            Ticket ticket =
                    aTicket().requestedBy(REQUESTER).resolvedAt(resolved).build();
            changes.setNow(resolved.plus(Duration.ofDays(30)));

            ticket.closeAsCustomer(Optional.of("thanks!"), changes.by(requester()));

            assertThat(ticket.status()).isEqualTo(CLOSED);
            assertThat(ticket.state().sla().resolvedAt()).contains(resolved);
            assertThat(eventsOf(ticket, StatusChanged.class).get(0).reason()).contains("thanks!");
        }

        @Test
        void a_confirmation_without_a_reason_says_so() {
            Ticket ticket =
                    aTicket().requestedBy(REQUESTER).withStatus(RESOLVED).build();

            ticket.closeAsCustomer(Optional.empty(), changes.by(requester()));

            assertThat(eventsOf(ticket, StatusChanged.class).get(0).reason()).contains("resolution confirmed");
        }

        @Test
        void only_the_requester_closes_not_an_organisation_mate_another_customer_or_staff() {
            for (Actor actor : List.of(orgMate(), otherCustomer(), agent(), admin(), system())) {
                Ticket ticket = ticketIn(IN_PROGRESS);
                assertThatThrownBy(() -> ticket.closeAsCustomer(Optional.empty(), changes.by(actor)))
                        .as("%s", actor)
                        .isInstanceOf(Forbidden.class);
                assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
            }
        }

        @Test
        void closing_a_closed_ticket_again_is_an_invalid_transition_with_nowhere_to_go() {
            Ticket ticket = ticketIn(CLOSED);

            InvalidTransition refusal = catchThrowableOfType(
                    InvalidTransition.class, () -> ticket.closeAsCustomer(Optional.empty(), changes.by(requester())));

            assertThat(refusal.allowedTargets()).isEmpty();
        }
    }

    @Nested
    class AutoClose {
        @Test
        void a_resolved_ticket_closes_once_the_delay_has_passed_and_not_at_its_last_microsecond() {
            Instant resolved = Changes.T0.plus(Duration.ofHours(1));
            Ticket ticket = aTicket().resolvedAt(resolved).build();

            // At exactly resolved + delay the reopen window is still open, so a customer reply must still win.
            assertThat(ticket.autoCloseIfDue(AUTO_CLOSE_DELAY, changes.by(system(), resolved.plus(AUTO_CLOSE_DELAY))))
                    .isFalse();
            assertThat(ticket.status()).isEqualTo(RESOLVED);
            assertThat(ticket.events()).isEmpty();

            Instant due = resolved.plus(AUTO_CLOSE_DELAY).plusNanos(1_000);
            assertThat(ticket.autoCloseIfDue(AUTO_CLOSE_DELAY, changes.by(system(), due)))
                    .isTrue();

            assertThat(ticket.status()).isEqualTo(CLOSED);
            assertThat(ticket.state().sla().closedAt()).contains(due);
            assertThat(ticket.state().sla().resolvedAt()).contains(resolved);
            StatusChanged closed = eventsOf(ticket, StatusChanged.class).get(0);
            assertThat(closed.trigger()).isEqualTo(Trigger.AUTO_CLOSE);
            assertThat(closed.by()).isEqualTo(Author.SYSTEM);
            assertThat(systemMessages(ticket)).singleElement().satisfies(m -> assertThat(m.customerVisible())
                    .isTrue());
        }

        @ParameterizedTest
        @EnumSource(
                value = TicketStatus.class,
                names = {"RESOLVED"},
                mode = EnumSource.Mode.EXCLUDE)
        void only_resolved_tickets_auto_close(TicketStatus status) {
            Ticket ticket = ticketIn(status);

            assertThat(ticket.autoCloseIfDue(
                            AUTO_CLOSE_DELAY, changes.by(system(), Changes.T0.plus(Duration.ofDays(365)))))
                    .isFalse();

            assertThat(ticket.status()).isEqualTo(status);
            assertThat(ticket.events()).isEmpty();
        }

        @Test
        void only_the_system_auto_closes() {
            Ticket ticket = ticketIn(RESOLVED);
            Instant late = Changes.T0.plus(Duration.ofDays(365));

            for (Actor actor : List.of(agent(), admin(), requester())) {
                assertThatThrownBy(() -> ticket.autoCloseIfDue(AUTO_CLOSE_DELAY, changes.by(actor, late)))
                        .isInstanceOf(Forbidden.class);
            }
            assertThat(ticket.status()).isEqualTo(RESOLVED);
        }
    }

    @Nested
    class StaffStatusChanges {
        @Test
        void a_transition_appends_a_status_changed_event_and_a_public_system_message() {
            Ticket ticket = ticketIn(IN_PROGRESS);
            Instant at = changes.advance(Duration.ofMinutes(7));

            assertThat(ticket.changeStatus(ON_HOLD, Optional.of("waiting for vendor"), changes.by(agent())))
                    .isTrue();

            assertThat(ticket.events()).hasSize(2);
            StatusChanged changed = eventsOf(ticket, StatusChanged.class).get(0);
            assertThat(changed.from()).isEqualTo(IN_PROGRESS);
            assertThat(changed.to()).isEqualTo(ON_HOLD);
            assertThat(changed.trigger()).isEqualTo(Trigger.STAFF);
            assertThat(changed.reason()).contains("waiting for vendor");
            assertThat(changed.by()).isEqualTo(agent().asAuthor());
            assertThat(changed.at()).isEqualTo(at);
            assertThat(changed.changes()).singleElement().satisfies(change -> {
                assertThat(change.before()).contains("in_progress");
                assertThat(change.after()).contains("on_hold");
            });
            Message message = systemMessages(ticket).get(0);
            assertThat(message.customerVisible()).isTrue();
            assertThat(message.author()).isEqualTo(Author.SYSTEM);
            assertThat(message.via()).isEqualTo(Via.SYSTEM);
            assertThat(message.body().value()).contains("in_progress", "on_hold", "waiting for vendor");
            assertThat(ticket.state().messagesCount()).isEqualTo(1);
            assertThat(ticket.state().lastMessageAt()).contains(at);
            assertThat(ticket.state().updatedAt()).isEqualTo(at);
        }

        @Test
        void resolving_sets_resolved_at_and_reopening_by_staff_clears_it() {
            Ticket ticket = ticketIn(IN_PROGRESS);
            Instant resolvedAt = changes.advance(Duration.ofHours(1));
            ticket.changeStatus(RESOLVED, Optional.empty(), changes.by(agent()));
            assertThat(ticket.state().sla().resolvedAt()).contains(resolvedAt);

            changes.advance(Duration.ofDays(40)); // staff are not bound by the customer's reopen window
            ticket.changeStatus(IN_PROGRESS, Optional.empty(), changes.by(agent()));

            assertThat(ticket.state().sla().resolvedAt()).isEmpty();
            assertThat(ticket.state().sla().closedAt()).isEmpty();
        }

        @Test
        void closing_a_resolved_ticket_keeps_resolved_at_and_sets_closed_at() {
            Instant resolved = Changes.T0.plusSeconds(10);
            Ticket ticket = aTicket().resolvedAt(resolved).build();
            Instant at = changes.advance(Duration.ofDays(1));

            ticket.changeStatus(CLOSED, Optional.empty(), changes.by(admin()));

            assertThat(ticket.state().sla().resolvedAt()).contains(resolved);
            assertThat(ticket.state().sla().closedAt()).contains(at);
        }

        @Test
        void closing_an_open_ticket_sets_closed_at_only() {
            Ticket ticket = ticketIn(ON_HOLD);

            ticket.changeStatus(CLOSED, Optional.empty(), changes.by(agent()));

            assertThat(ticket.state().sla().closedAt()).contains(changes.now());
            assertThat(ticket.state().sla().resolvedAt()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(
                value = TicketStatus.class,
                names = {"CLOSED"},
                mode = EnumSource.Mode.EXCLUDE)
        void setting_the_current_status_changes_nothing(TicketStatus status) {
            Ticket ticket = ticketIn(status);
            TicketState before = ticket.state();

            assertThat(ticket.changeStatus(status, Optional.empty(), changes.by(agent())))
                    .isFalse();

            assertThat(ticket.state()).isEqualTo(before);
            assertThat(ticket.events()).isEmpty();
        }

        @Test
        void customers_and_the_system_cannot_change_a_status() {
            for (Actor actor : List.of(requester(), orgMate(), otherCustomer(), system())) {
                Ticket ticket = ticketIn(IN_PROGRESS);
                assertThatThrownBy(() -> ticket.changeStatus(RESOLVED, Optional.empty(), changes.by(actor)))
                        .as("%s", actor)
                        .isInstanceOf(Forbidden.class);
                assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
            }
        }
    }

    @Nested
    class ClosedIsTerminal {
        @ParameterizedTest
        @EnumSource(TicketStatus.class)
        void a_status_change_on_a_closed_ticket_is_an_invalid_transition_with_no_allowed_targets(TicketStatus to) {
            Ticket ticket = ticketIn(CLOSED);

            InvalidTransition refusal = catchThrowableOfType(
                    InvalidTransition.class, () -> ticket.changeStatus(to, Optional.empty(), changes.by(admin())));

            assertThat(refusal).isNotNull();
            assertThat(refusal.from()).isEqualTo(CLOSED);
            assertThat(refusal.allowedTargets()).isEmpty();
            assertThat(ticket.events()).isEmpty();
        }

        static Stream<Arguments> every_other_change() {
            return Stream.<Arguments>of(
                    change(
                            "staff reply",
                            (t, c) -> t.reply(body("hi"), Via.PORTAL, false, REOPEN_WINDOW, c.by(agent()))),
                    change(
                            "customer reply",
                            (t, c) -> t.reply(body("hi"), Via.PORTAL, false, REOPEN_WINDOW, c.by(requester()))),
                    change("internal note", (t, c) -> t.addInternalNote(body("hm"), Via.API, c.by(agent()))),
                    change("assign", (t, c) -> t.assign(Optional.of(AGENT), c.by(agent()))),
                    change("unassign", (t, c) -> t.assign(Optional.empty(), c.by(agent()))),
                    change("escalate", (t, c) -> t.escalate("angry customer", c.by(agent()))),
                    change("escalate by the system", (t, c) -> t.escalate("SLA breached", c.by(system()))),
                    change("de-escalate", (t, c) -> t.deescalate(c.by(agent()))),
                    change("priority", (t, c) -> t.changePriority(Priority.URGENT, c.by(agent()))),
                    change("category", (t, c) -> t.changeCategory(new Category("billing"), c.by(agent()))),
                    change("tags", (t, c) -> t.replaceTags(Tags.of(List.of("vip")), c.by(agent()))),
                    change("subject", (t, c) -> t.changeSubject(new Subject("Something else"), c.by(agent()))),
                    change(
                            "custom fields",
                            (t, c) -> t.changeCustomFields(new CustomFields("{\"plan\":\"gold\"}"), c.by(agent()))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("every_other_change")
        void any_other_change_on_a_closed_ticket_is_refused_as_ticket_closed(String what, TicketChange change) {
            Ticket ticket = aTicket()
                    .requestedBy(REQUESTER)
                    .assignedTo(BACKUP_AGENT)
                    .escalated("was urgent")
                    .withStatus(CLOSED)
                    .build();
            TicketState before = ticket.state();

            TicketClosed refusal = catchThrowableOfType(TicketClosed.class, () -> change.apply(ticket, changes));

            assertThat(refusal).as(what).isNotNull();
            assertThat(refusal.code()).isEqualTo(ProblemCode.TICKET_CLOSED);
            assertThat(refusal.detail()).contains(ticket.number().toString());
            assertThat(ticket.state()).isEqualTo(before);
            assertThat(ticket.events()).isEmpty();
        }

        @Test
        void auto_close_leaves_a_closed_ticket_alone() {
            Ticket ticket = ticketIn(CLOSED);

            assertThat(ticket.autoCloseIfDue(
                            AUTO_CLOSE_DELAY, changes.by(system(), Changes.T0.plus(Duration.ofDays(99)))))
                    .isFalse();
        }

        static Arguments change(String what, TicketChange change) {
            return Arguments.of(what, change);
        }
    }

    /** One change to a ticket, named for the parameterized tests. */
    @FunctionalInterface
    interface TicketChange {
        Object apply(Ticket ticket, Changes changes);
    }

    @Nested
    class FieldChanges {
        static Stream<Arguments> every_field() {
            return Stream.of(
                    Arguments.of(
                            TicketField.PRIORITY,
                            (TicketChangeBy) (t, c) -> t.changePriority(Priority.URGENT, c),
                            (TicketChangeBy) (t, c) -> t.changePriority(Priority.MEDIUM, c),
                            "medium",
                            "urgent"),
                    Arguments.of(
                            TicketField.CATEGORY,
                            (TicketChangeBy) (t, c) -> t.changeCategory(new Category("billing"), c),
                            (TicketChangeBy) (t, c) -> t.changeCategory(new Category("bug"), c),
                            "bug",
                            "billing"),
                    Arguments.of(
                            TicketField.TAGS,
                            (TicketChangeBy) (t, c) -> t.replaceTags(Tags.of(List.of("VIP", "printer", "vip")), c),
                            (TicketChangeBy) (t, c) -> t.replaceTags(Tags.NONE, c),
                            "",
                            "printer,vip"),
                    Arguments.of(
                            TicketField.SUBJECT,
                            (TicketChangeBy) (t, c) -> t.changeSubject(new Subject("  Printer still on fire "), c),
                            (TicketChangeBy) (t, c) -> t.changeSubject(new Subject(" Printer on fire  "), c),
                            "Printer on fire",
                            "Printer still on fire"),
                    Arguments.of(
                            TicketField.CUSTOM_FIELDS,
                            (TicketChangeBy) (t, c) -> t.changeCustomFields(new CustomFields("{\"seat\":12}"), c),
                            (TicketChangeBy) (t, c) -> t.changeCustomFields(CustomFields.EMPTY, c),
                            "{}",
                            "{\"seat\":12}"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("every_field")
        void a_field_change_emits_ticket_updated_with_before_and_after_and_no_message(
                TicketField field, TicketChangeBy change, TicketChangeBy same, String before, String after) {
            Ticket ticket = ticketIn(IN_PROGRESS);
            Instant at = changes.advance(Duration.ofMinutes(1));

            assertThat(change.apply(ticket, changes.by(agent()))).isTrue();

            assertThat(ticket.events()).singleElement().isInstanceOfSatisfying(TicketUpdated.class, updated -> {
                assertThat(updated.field()).isEqualTo(field);
                assertThat(updated.before()).isEqualTo(before);
                assertThat(updated.after()).isEqualTo(after);
                assertThat(updated.at()).isEqualTo(at);
                assertThat(updated.changes()).singleElement().satisfies(c -> assertThat(c.field())
                        .isEqualTo(field.wireName()));
            });
            assertThat(ticket.newMessages()).isEmpty();
            assertThat(ticket.state().updatedAt()).isEqualTo(at);
            assertThat(ticket.state().version()).isEqualTo(2);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("every_field")
        void setting_a_field_to_its_current_value_answers_false_and_changes_nothing(
                TicketField field, TicketChangeBy change, TicketChangeBy same, String before, String after) {
            Ticket ticket = ticketIn(IN_PROGRESS);
            TicketState unchanged = ticket.state();

            assertThat(same.apply(ticket, changes.by(agent()))).isFalse();

            assertThat(ticket.state()).isEqualTo(unchanged);
            assertThat(ticket.events()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("every_field")
        void customers_and_the_system_cannot_change_fields(
                TicketField field, TicketChangeBy change, TicketChangeBy same, String before, String after) {
            for (Actor actor : List.of(requester(), orgMate(), system())) {
                Ticket ticket = ticketIn(IN_PROGRESS);
                assertThatThrownBy(() -> change.apply(ticket, changes.by(actor)))
                        .as("%s", actor)
                        .isInstanceOf(Forbidden.class);
                assertThat(ticket.events()).isEmpty();
            }
        }
    }

    /** A field change made in a given context, for the parameterized tests. */
    @FunctionalInterface
    interface TicketChangeBy {
        boolean apply(Ticket ticket, ChangeContext change);
    }

    @Nested
    class Versions {
        @Test
        void one_unit_of_work_bumps_the_version_once_however_many_changes_it_makes() {
            Ticket ticket = aTicket().withStatus(NEW).atVersion(3).build();

            ticket.assign(Optional.of(AGENT), changes.by(agent()));
            reply(ticket, agent(), "On it.");
            ticket.changePriority(Priority.HIGH, changes.by(agent()));

            assertThat(ticket.state().version()).isEqualTo(4);
            assertThat(ticket.persistedVersion()).isEqualTo(3);

            Ticket next = Ticket.restore(ticket.state());
            next.changeStatus(ON_HOLD, Optional.empty(), changes.by(agent()));
            assertThat(next.state().version()).isEqualTo(5);
            assertThat(next.events())
                    .as("a restored ticket starts a fresh unit of work")
                    .hasSize(2);
        }

        @Test
        void a_filed_ticket_stays_at_version_one_until_it_is_stored() {
            Ticket ticket = Ticket.file(newTicket(REQUESTER), changes.by(requester()));

            reply(ticket, requester(), "More details.");
            ticket.closeAsCustomer(Optional.empty(), changes.by(requester()));

            assertThat(ticket.state().version()).isEqualTo(1);
            assertThat(ticket.persistedVersion()).isZero();
        }

        @Test
        void refused_and_empty_changes_do_not_bump_the_version() {
            Ticket ticket = aTicket().withStatus(IN_PROGRESS).atVersion(9).build();

            ticket.changeStatus(IN_PROGRESS, Optional.empty(), changes.by(agent()));
            ticket.assign(Optional.empty(), changes.by(agent()));
            ticket.deescalate(changes.by(agent()));
            assertThatThrownBy(() -> ticket.changeStatus(NEW, Optional.empty(), changes.by(agent())))
                    .isInstanceOf(InvalidTransition.class);

            assertThat(ticket.state().version()).isEqualTo(9);
        }
    }

    @Nested
    class Escalation {
        @Test
        void escalating_records_the_reason_with_an_internal_system_message() {
            Ticket ticket = ticketIn(IN_PROGRESS);
            Instant at = changes.advance(Duration.ofMinutes(2));

            assertThat(ticket.escalate("  customer is a VIP  ", changes.by(agent())))
                    .isTrue();

            assertThat(ticket.state().escalation()).hasValueSatisfying(e -> {
                assertThat(e.reason()).isEqualTo("customer is a VIP");
                assertThat(e.at()).isEqualTo(at);
            });
            assertThat(eventsOf(ticket, TicketEscalated.class)).singleElement().satisfies(e -> assertThat(e.reason())
                    .isEqualTo("customer is a VIP"));
            assertThat(systemMessages(ticket)).singleElement().satisfies(m -> assertThat(m.customerVisible())
                    .isFalse());
            assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
        }

        @Test
        void escalating_twice_keeps_the_first_escalation() {
            Ticket ticket = aTicket().withStatus(IN_PROGRESS).escalated("first").build();

            assertThat(ticket.escalate("second", changes.by(agent()))).isFalse();

            assertThat(ticket.state().escalation().orElseThrow().reason()).isEqualTo("first");
            assertThat(ticket.events()).isEmpty();
        }

        @Test
        void the_system_may_escalate_for_a_breach_but_customers_may_not() {
            Ticket ticket = ticketIn(NEW);

            assertThatThrownBy(() -> ticket.escalate("hurry", changes.by(requester())))
                    .isInstanceOf(Forbidden.class);
            assertThat(ticket.escalate("first_response breached", changes.by(system())))
                    .isTrue();
            assertThat(eventsOf(ticket, TicketEscalated.class).get(0).by()).isEqualTo(Author.SYSTEM);
        }

        @Test
        void a_blank_reason_is_refused() {
            Ticket ticket = ticketIn(NEW);

            assertFieldError(
                    catchThrowableOfType(ValidationFailed.class, () -> ticket.escalate("   ", changes.by(agent()))),
                    "reason");
        }

        @Test
        void de_escalating_lifts_it_with_an_internal_message_and_only_staff_do_it() {
            Ticket ticket =
                    aTicket().withStatus(IN_PROGRESS).escalated("urgent").build();

            assertThatThrownBy(() -> ticket.deescalate(changes.by(requester()))).isInstanceOf(Forbidden.class);
            assertThat(ticket.deescalate(changes.by(agent()))).isTrue();

            assertThat(ticket.state().escalation()).isEmpty();
            assertThat(eventsOf(ticket, TicketDeescalated.class)).hasSize(1);
            assertThat(systemMessages(ticket)).singleElement().satisfies(m -> assertThat(m.customerVisible())
                    .isFalse());
            assertThat(ticket.deescalate(changes.by(agent()))).isFalse();
        }
    }

    @Nested
    class SoftDelete {
        @Test
        void an_admin_deletes_and_restores_a_ticket() {
            Ticket ticket = ticketIn(IN_PROGRESS);
            Instant at = changes.advance(Duration.ofMinutes(1));

            assertThat(ticket.softDelete(changes.by(admin()))).isTrue();
            assertThat(ticket.state().deletedAt()).contains(at);
            assertThat(ticket.state().isDeleted()).isTrue();
            assertThat(ticket.softDelete(changes.by(admin()))).isFalse();

            assertThat(ticket.restoreDeleted(changes.by(admin()))).isTrue();
            assertThat(ticket.state().deletedAt()).isEmpty();
            assertThat(ticket.restoreDeleted(changes.by(admin()))).isFalse();

            assertThat(ticket.events())
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("TicketDeleted", "TicketRestored");
            assertThat(ticket.newMessages()).isEmpty();
            assertThat(ticket.status()).isEqualTo(IN_PROGRESS);
        }

        @Test
        void agents_customers_and_the_system_cannot_delete_or_restore() {
            Ticket live = ticketIn(IN_PROGRESS);
            Ticket deleted =
                    aTicket().withStatus(IN_PROGRESS).deletedAt(Changes.T0).build();

            for (Actor actor : List.of(agent(), requester(), system())) {
                assertThatThrownBy(() -> live.softDelete(changes.by(actor)))
                        .as("%s", actor)
                        .isInstanceOf(Forbidden.class);
                assertThatThrownBy(() -> deleted.restoreDeleted(changes.by(actor)))
                        .as("%s", actor)
                        .isInstanceOf(Forbidden.class);
            }
        }
    }

    @Nested
    class MessagesAndTime {
        @Test
        void blank_bodies_are_refused_and_bodies_are_trimmed() {
            for (String blank : new String[] {null, "", "   ", "\n\t "}) {
                assertFieldError(catchThrowableOfType(ValidationFailed.class, () -> new Body(blank)), "body");
            }
            assertThat(new Body("  hi \n").value()).isEqualTo("hi");
            assertThat(new Body("x".repeat(Body.MAX_LENGTH)).value()).hasSize(50_000);
            assertFieldError(
                    catchThrowableOfType(ValidationFailed.class, () -> new Body("x".repeat(Body.MAX_LENGTH + 1))),
                    "body");
        }

        @Test
        void change_context_truncates_instants_to_microseconds() {
            ChangeContext change =
                    new ChangeContext(agent(), Changes.T0.plusNanos(1_234_567), SequentialIds.startingAtOne());

            assertThat(change.at()).isEqualTo(Changes.T0.plusNanos(1_234_000));
        }

        @Test
        void everything_a_change_stamps_carries_the_truncated_instant() {
            Ticket ticket = ticketIn(NEW);
            changes.setNow(Changes.T0.plusNanos(5_000_999));
            Instant micros = Changes.T0.plusNanos(5_000_000);

            Message message = reply(ticket, agent(), "Hi");

            assertThat(message.createdAt()).isEqualTo(micros);
            assertThat(ticket.state().sla().firstRespondedAt()).contains(micros);
            assertThat(ticket.state().updatedAt()).isEqualTo(micros);
            assertThat(ticket.events()).allSatisfy(e -> assertThat(e.at()).isEqualTo(micros));
        }

        @Test
        void messages_are_ordered_by_creation_time_then_by_id_as_unsigned_time_ordered_ids() {
            Instant t = Changes.T0;
            Message late = message("ffffffff-0000-7000-8000-000000000000", t.plusSeconds(1));
            Message earlyLowId = message("00000000-0000-7000-8000-000000000001", t);
            // As a signed UUID this one sorts first; as a time-ordered id it sorts last.
            Message earlyHighId = message("80000000-0000-7000-8000-000000000000", t);

            List<Message> ordered = Stream.of(late, earlyHighId, earlyLowId)
                    .sorted(Message.CONVERSATION_ORDER)
                    .collect(Collectors.toList());

            assertThat(ordered).containsExactly(earlyLowId, earlyHighId, late);
        }

        @Test
        void a_reply_and_the_status_message_it_causes_keep_their_order_at_the_same_instant() {
            Ticket ticket = ticketIn(NEW);

            reply(ticket, agent(), "Hello.");

            List<Message> sorted = ticket.newMessages().stream()
                    .sorted(Message.CONVERSATION_ORDER)
                    .collect(Collectors.toList());
            assertThat(sorted).isEqualTo(ticket.newMessages());
            assertThat(sorted.get(0).kind()).isEqualTo(MessageKind.PUBLIC);
        }

        private Message message(String id, Instant at) {
            return new Message(
                    new MessageId(java.util.UUID.fromString(id)),
                    Fixtures.TENANT,
                    new TicketId(SequentialIds.uuid(1)),
                    agent().asAuthor(),
                    MessageKind.PUBLIC,
                    true,
                    body("hi"),
                    Via.API,
                    false,
                    at);
        }
    }

    @Nested
    class Split {
        @Test
        void the_chosen_messages_leave_and_the_counts_follow_on_both_tickets() {
            Ticket source = ticketIn(TicketStatus.IN_PROGRESS);
            Message first = reply(source, agent(), "About the laptop");
            changes.advance(Duration.ofMinutes(5));
            Message second = reply(source, requester(), "And the printer jams");
            changes.advance(Duration.ofMinutes(5));
            Message third = reply(source, agent(), "About the printer");
            List<Message> conversation = List.of(first, second, third);
            Ticket fresh = ticketIn(TicketStatus.NEW);
            Ticket stored = Ticket.restore(source.state());

            List<Message> moved =
                    stored.splitOff(conversation, Set.of(second.id(), third.id()), fresh.id(), changes.by(agent()));
            fresh.takeSplitMessages(moved, stored.id(), changes.by(agent()));

            assertThat(moved).containsExactly(second, third);
            assertThat(stored.state().messagesCount()).isEqualTo(1);
            assertThat(stored.state().lastMessageAt()).contains(first.createdAt());
            assertThat(fresh.state().messagesCount()).isEqualTo(2);
            assertThat(fresh.state().lastMessageAt()).contains(third.createdAt());
            TicketSplit left = eventsOf(stored, TicketSplit.class).get(0);
            assertThat(left.changes()).extracting(c -> c.field()).containsExactly("split_to", "messages");
            assertThat(left.changes().get(1).after()).contains(second.id() + "," + third.id());
            assertThat(eventsOf(fresh, TicketSplit.class)
                            .get(0)
                            .changes()
                            .get(0)
                            .after())
                    .contains(stored.id().toString());
        }

        @Test
        void only_staff_split_only_their_tickets_messages_and_never_a_closed_ticket() {
            Ticket source = ticketIn(TicketStatus.IN_PROGRESS);
            Message message = reply(source, agent(), "Hello");
            Ticket stored = Ticket.restore(source.state());
            List<Message> conversation = List.of(message);
            TicketId to = ticketIn(TicketStatus.NEW).id();

            assertThatThrownBy(() -> stored.splitOff(conversation, Set.of(message.id()), to, changes.by(requester())))
                    .isInstanceOf(Forbidden.class);
            assertFieldError(
                    catchThrowable(() -> stored.splitOff(
                            conversation, Set.of(new MessageId(java.util.UUID.randomUUID())), to, changes.by(agent()))),
                    "message_ids");
            assertFieldError(
                    catchThrowable(() -> stored.splitOff(conversation, Set.of(), to, changes.by(agent()))),
                    "message_ids");
            Ticket closed = ticketIn(TicketStatus.CLOSED);
            assertThatThrownBy(() -> closed.splitOff(List.of(), Set.of(message.id()), to, changes.by(agent())))
                    .isInstanceOf(TicketClosed.class);
            assertThat(stored.events()).isEmpty();
        }
    }

    @Nested
    class Merge {
        private long numbers = 100;

        /** Another ticket of the tenant than {@link #ticketIn}'s, of {@code requester}. */
        private Ticket another(TicketStatus status, Person requester) {
            return aTicket()
                    .withId(new TicketId(java.util.UUID.randomUUID()))
                    .numbered(new TicketNumber(2026, numbers++))
                    .requestedBy(requester)
                    .withStatus(status)
                    .build();
        }

        @Test
        void a_merged_ticket_closes_with_its_link_and_unmerging_restores_exactly_what_it_was() {
            Ticket source = ticketIn(TicketStatus.WAITING_ON_CUSTOMER);
            TicketState target = another(IN_PROGRESS, REQUESTER).state();
            TicketState before = source.state();
            changes.advance(Duration.ofHours(2));

            source.mergeInto(target, false, changes.by(agent()));

            TicketState merged = source.state();
            assertThat(merged.status()).isEqualTo(CLOSED);
            assertThat(merged.sla().closedAt()).contains(changes.now());
            assertThat(merged.mergedInto().orElseThrow().ticket()).isEqualTo(target.id());
            assertThat(eventsOf(source, TicketMerged.class)
                            .get(0)
                            .changes()
                            .get(0)
                            .after())
                    .contains(target.id().toString());
            assertThat(eventsOf(source, StatusChanged.class))
                    .as("no status change for the SLA timeline")
                    .isEmpty();
            assertThat(source.newMessages()).isEmpty();

            Ticket stored = Ticket.restore(merged);
            changes.advance(Duration.ofHours(3));
            assertThat(stored.unmerge(changes.by(agent()))).isEqualTo(target.id());

            TicketState restored = stored.state();
            assertThat(restored.version()).isEqualTo(merged.version() + 1);
            assertThat(Ticket.restore(restored).state())
                    .usingRecursiveComparison()
                    .ignoringFields("version")
                    .isEqualTo(before);
            TicketMerged undone = eventsOf(stored, TicketMerged.class).get(0);
            assertThat(undone.action()).isEqualTo(JournalAction.TICKET_UNMERGED);
            assertThat(undone.changes().get(0).before()).contains(target.id().toString());
        }

        @Test
        void the_target_journals_the_merge_at_a_new_version_and_keeps_its_fields() {
            Ticket target = ticketIn(TicketStatus.IN_PROGRESS);
            TicketState before = target.state();
            TicketId source = another(NEW, REQUESTER).id();

            target.takeMerged(source, changes.by(agent()));

            assertThat(target.state().version()).isEqualTo(before.version() + 1);
            assertThat(target.state())
                    .usingRecursiveComparison()
                    .ignoringFields("version")
                    .isEqualTo(before);
            assertThat(eventsOf(target, TicketMerged.class)
                            .get(0)
                            .changes()
                            .get(0)
                            .field())
                    .isEqualTo("merged_from");
        }

        @Test
        void merges_that_do_not_fit_are_refused_and_change_nothing() {
            Ticket source = ticketIn(TicketStatus.IN_PROGRESS);
            TicketState other = another(NEW, REQUESTER).state();
            TicketState closed = another(CLOSED, REQUESTER).state();
            TicketState othersTicket = another(IN_PROGRESS, OTHER_CUSTOMER).state();

            assertThatThrownBy(() -> source.mergeInto(other, false, changes.by(requester())))
                    .isInstanceOf(Forbidden.class);
            assertFieldError(
                    catchThrowable(() -> source.mergeInto(source.state(), false, changes.by(agent()))), "into");
            assertThatThrownBy(() -> source.mergeInto(closed, false, changes.by(agent())))
                    .isInstanceOf(TicketClosed.class);
            assertThatThrownBy(() -> source.mergeInto(othersTicket, false, changes.by(agent())))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining("confirm_different_requester");
            assertThatThrownBy(() -> Ticket.restore(closed).mergeInto(other, false, changes.by(agent())))
                    .isInstanceOf(TicketClosed.class);
            assertThatThrownBy(() -> source.unmerge(changes.by(agent()))).isInstanceOf(Conflict.class);
            assertThat(source.events()).isEmpty();

            source.mergeInto(othersTicket, true, changes.by(agent()));
            assertThat(source.state().mergedInto()).isPresent();
        }

        @Test
        void a_merged_ticket_takes_no_reply_change_or_rating_until_it_is_unmerged() {
            Ticket source = ticketIn(TicketStatus.RESOLVED);
            source.mergeInto(another(IN_PROGRESS, REQUESTER).state(), false, changes.by(agent()));
            Ticket merged = Ticket.restore(source.state());

            assertThatThrownBy(() -> reply(merged, requester(), "Hello?")).isInstanceOf(TicketClosed.class);
            assertThatThrownBy(() -> merged.addInternalNote(body("note"), Via.API, changes.by(agent())))
                    .isInstanceOf(TicketClosed.class);
            assertThatThrownBy(() -> merged.giveFeedback(new Rating(5), Optional.empty(), changes.by(requester())))
                    .isInstanceOf(Conflict.class);
            assertThat(merged.events()).isEmpty();
        }
    }
}
