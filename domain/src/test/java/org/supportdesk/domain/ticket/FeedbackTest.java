package org.supportdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportdesk.domain.testing.TicketBuilder.aTicket;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.ProblemCode;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;

/** §9 feedback: the requester rates a resolved or closed ticket once; nobody else rates it. */
class FeedbackTest {
    static final Organization SHARED = Fixtures.organization(Fixtures.TENANT, true);
    static final Person REQUESTER = Fixtures.member(SHARED, "Rita Requester");
    static final Person ORG_MATE = Fixtures.member(SHARED, "Otto Orgmate");
    static final Person AGENT = Fixtures.agent(Fixtures.TENANT);

    final Changes changes = Changes.atT0();

    static Actor requester() {
        return Fixtures.asCustomer(REQUESTER, SHARED);
    }

    static Ticket inStatus(TicketStatus status) {
        return aTicket().requestedBy(REQUESTER).withStatus(status).build();
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"RESOLVED", "CLOSED"})
    void the_requester_rates_a_resolved_or_closed_ticket_once(TicketStatus status) {
        Ticket ticket = inStatus(status);
        changes.advance(Duration.ofHours(2));

        Feedback given =
                ticket.giveFeedback(new Rating(4), Optional.of("  Quick and kind.  "), changes.by(requester()));

        assertThat(given).isEqualTo(new Feedback(new Rating(4), Optional.of("Quick and kind."), changes.now()));
        TicketState after = ticket.state();
        assertThat(after.feedback()).contains(given);
        assertThat(after.status()).isEqualTo(status);
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.updatedAt()).isEqualTo(changes.now());
        assertThat(after.customerUpdatedAt()).isEqualTo(changes.now());
        assertThat(ticket.newMessages()).isEmpty();
        assertThat(ticket.events()).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo(JournalAction.FEEDBACK_GIVEN);
            assertThat(event.by()).isEqualTo(requester().asAuthor());
            assertThat(event.changes())
                    .containsExactly(
                            FieldChange.of("rating", null, "4"), FieldChange.of("comment", null, "Quick and kind."));
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "ON_HOLD"})
    void an_open_ticket_cannot_be_rated_yet(TicketStatus status) {
        Ticket ticket = inStatus(status);

        assertThatThrownBy(() -> ticket.giveFeedback(new Rating(5), Optional.empty(), changes.by(requester())))
                .isInstanceOf(FeedbackRefused.class)
                .hasMessageContaining(status.wireName())
                .extracting(e -> ((FeedbackRefused) e).code())
                .isEqualTo(ProblemCode.CONFLICT);
        assertThat(ticket.events()).isEmpty();
        assertThat(ticket.state().feedback()).isEmpty();
    }

    @Test
    void a_second_rating_is_refused_and_the_first_stands() {
        Ticket ticket = inStatus(TicketStatus.RESOLVED);
        Feedback first = ticket.giveFeedback(new Rating(2), Optional.empty(), changes.by(requester()));
        Ticket stored = Ticket.restore(ticket.state());

        assertThatThrownBy(() -> stored.giveFeedback(new Rating(5), Optional.empty(), changes.by(requester())))
                .isInstanceOf(FeedbackRefused.class)
                .extracting(e -> ((FeedbackRefused) e).code())
                .isEqualTo(ProblemCode.CONFLICT);
        assertThat(stored.state().feedback()).contains(first);
    }

    @Test
    void an_organisation_mate_staff_and_another_tenant_cannot_rate() {
        Ticket ticket = inStatus(TicketStatus.RESOLVED);

        assertThatThrownBy(() -> ticket.giveFeedback(
                        new Rating(5), Optional.empty(), changes.by(Fixtures.asCustomer(ORG_MATE, SHARED))))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(
                        () -> ticket.giveFeedback(new Rating(5), Optional.empty(), changes.by(Fixtures.asStaff(AGENT))))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> ticket.giveFeedback(
                        new Rating(5),
                        Optional.empty(),
                        changes.by(Fixtures.asStaff(Fixtures.admin(Fixtures.OTHER_TENANT)))))
                .isInstanceOf(TicketNotFound.class);
        assertThat(ticket.events()).isEmpty();
    }

    @Test
    void an_organisation_mate_is_refused_before_the_state_is_considered() {
        Ticket open = inStatus(TicketStatus.IN_PROGRESS);

        assertThatThrownBy(() -> open.giveFeedback(
                        new Rating(3), Optional.empty(), changes.by(Fixtures.asCustomer(ORG_MATE, SHARED))))
                .isInstanceOf(Forbidden.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1, 10})
    void a_rating_outside_one_to_five_is_invalid(int value) {
        assertThatThrownBy(() -> new Rating(value))
                .isInstanceOf(ValidationFailed.class)
                .extracting(e -> ((ValidationFailed) e).errors())
                .asList()
                .extracting(e -> ((FieldError) e).field())
                .containsExactly("rating");
    }

    @Test
    void a_blank_comment_is_no_comment_and_a_long_one_is_invalid() {
        assertThat(new Feedback(new Rating(3), Optional.of(" \n "), Changes.T0).comment())
                .isEmpty();
        String longest = "x".repeat(Feedback.MAX_COMMENT_LENGTH);
        assertThat(new Feedback(new Rating(3), Optional.of(longest), Changes.T0).comment())
                .contains(longest);
        assertThatThrownBy(() -> new Feedback(new Rating(3), Optional.of(longest + "x"), Changes.T0))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("comment");
    }
}
