package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.query.GetTicket;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.ProblemCode;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.Feedback;
import org.supportdesk.domain.ticket.FeedbackRefused;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.visibility.CustomerTicketView;

class GiveFeedbackTest extends UseCaseTest {

    Feedback rate(CustomerActor who, TicketState ticket, int rating, String comment) {
        return core.portal()
                .giveFeedback()
                .handle(new GiveFeedback.Command(who, ticket.id(), new Rating(rating), Optional.ofNullable(comment)));
    }

    @Test
    void the_requester_rates_a_resolved_ticket_and_admins_hear_of_it() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);
        core.clock.advance(Duration.ofMinutes(5));
        int intentsBefore = core.outbox.intents().size();

        Feedback given = rate(acme.customerActor(), ticket, 5, "Fixed in minutes");

        assertThat(given).isEqualTo(new Feedback(new Rating(5), Optional.of("Fixed in minutes"), core.clock.instant()));
        TicketState stored = stored(ticket);
        assertThat(stored.feedback()).contains(given);
        assertThat(stored.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(stored.version()).isEqualTo(ticket.version() + 1);
        JournalEntry entry =
                core
                        .read(
                                acme.tenant,
                                () -> core.journal.entriesAbout(
                                        acme.tenant, ticket.id().value()))
                        .stream()
                        .filter(e -> e.action() == JournalAction.FEEDBACK_GIVEN)
                        .findFirst()
                        .orElseThrow();
        assertThat(entry.actor().id()).contains(acme.customer.id());
        assertThat(entry.changes())
                .containsExactly(
                        FieldChange.of("rating", null, "5"), FieldChange.of("comment", null, "Fixed in minutes"));
        assertThat(core.outbox
                        .intents()
                        .subList(intentsBefore, core.outbox.intents().size()))
                .singleElement()
                .satisfies(intent -> {
                    assertThat(intent.topic()).isEqualTo(NotificationTopic.FEEDBACK_GIVEN);
                    assertThat(intent.audiences()).containsExactlyInAnyOrder(Audience.ADMINS, Audience.WEBHOOKS);
                    assertThat(intent.ticket()).contains(ticket.id());
                    assertThat(intent.dedupKey()).isEqualTo(entry.id().toString());
                });
    }

    @Test
    void a_closed_ticket_can_be_rated_too() {
        TicketState ticket = aTicketIn(TicketStatus.CLOSED);

        rate(acme.customerActor(), ticket, 1, null);

        assertThat(stored(ticket).feedback()).map(f -> f.rating().value()).contains(1);
        assertThat(stored(ticket).feedback()).flatMap(Feedback::comment).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "ON_HOLD"})
    void feedback_on_an_open_ticket_is_a_conflict_and_changes_nothing(TicketStatus status) {
        TicketState ticket = aTicketIn(status);
        int intentsBefore = core.outbox.intents().size();

        assertThatThrownBy(() -> rate(acme.customerActor(), ticket, 4, "Early"))
                .isInstanceOf(FeedbackRefused.class)
                .extracting(e -> ((FeedbackRefused) e).code())
                .isEqualTo(ProblemCode.CONFLICT);
        assertThat(stored(ticket)).isEqualTo(ticket);
        assertThat(journalOf(ticket)).doesNotContain(JournalAction.FEEDBACK_GIVEN);
        assertThat(core.outbox.intents()).hasSize(intentsBefore);
    }

    @Test
    void a_second_rating_is_a_conflict_and_the_first_stands() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);
        Feedback first = rate(acme.customerActor(), ticket, 3, "OK");

        assertThatThrownBy(() -> rate(acme.customerActor(), ticket, 5, "Changed my mind"))
                .isInstanceOf(FeedbackRefused.class)
                .extracting(e -> ((FeedbackRefused) e).code())
                .isEqualTo(ProblemCode.CONFLICT);
        assertThat(stored(ticket).feedback()).contains(first);
        assertThat(journalOf(ticket).stream().filter(a -> a == JournalAction.FEEDBACK_GIVEN))
                .hasSize(1);
    }

    @Test
    void an_organisation_mate_may_not_rate_and_another_customer_finds_no_ticket() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);

        assertThatThrownBy(() -> rate(acme.asCustomer(acme.colleague), ticket, 5, null))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> rate(acme.asCustomer(acme.otherCustomer), ticket, 5, null))
                .isInstanceOf(TicketNotFound.class);
        assertThatThrownBy(() -> rate(globex.customerActor(), ticket, 5, null)).isInstanceOf(TicketNotFound.class);
        assertThat(stored(ticket).feedback()).isEmpty();
        assertThat(core.outbox.intents())
                .map(NotificationIntent::topic)
                .doesNotContain(NotificationTopic.FEEDBACK_GIVEN);
    }

    @Test
    void staff_see_the_feedback_on_the_ticket_and_the_customer_in_their_own_view() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);
        CustomerTicketView before =
                core.portal().getTicket().handle(new GetCustomerTicket.Command(acme.customerActor(), ticket.id()));

        Feedback given = rate(acme.customerActor(), ticket, 4, "Thanks");

        assertThat(core.desk()
                        .getTicket()
                        .handle(new GetTicket.Command(acme.agentActor(), ticket.id()))
                        .ticket()
                        .feedback())
                .contains(given);
        CustomerTicketView after =
                core.portal().getTicket().handle(new GetCustomerTicket.Command(acme.customerActor(), ticket.id()));
        assertThat(after.feedback()).contains(given);
        assertThat(after.revision()).isNotEqualTo(before.revision());
        assertThat(core.portal()
                        .getTicket()
                        .handle(new GetCustomerTicket.Command(acme.asCustomer(acme.colleague), ticket.id()))
                        .feedback())
                .as("an organisation-mate sees the shared ticket whole, its feedback included")
                .contains(given);
    }
}
