package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.InvalidTransition;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.visibility.CustomerTicketView;

class CloseOwnTicketTest extends UseCaseTest {

    TicketState close(CustomerActor who, TicketState ticket) {
        core.portal()
                .closeOwnTicket()
                .handle(new CloseOwnTicket.Command(who, ticket.id(), Optional.empty(), Optional.empty()));
        return stored(ticket);
    }

    @Test
    void the_requester_closes_an_open_ticket_as_no_longer_needed() {
        TicketState ticket = aTicketIn(TicketStatus.ON_HOLD);

        TicketState closed = close(acme.customerActor(), ticket);

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.sla().closedAt()).contains(core.clock.instant());
        JournalEntry entry =
                core
                        .read(
                                acme.tenant,
                                () -> core.journal.entriesAbout(
                                        acme.tenant, ticket.id().value()))
                        .stream()
                        .filter(e -> e.action() == JournalAction.STATUS_CHANGED)
                        .reduce((a, b) -> b)
                        .orElseThrow();
        assertThat(entry.actor().id()).contains(acme.customer.id());
        assertThat(conversationOf(ticket)
                        .get(conversationOf(ticket).size() - 1)
                        .body()
                        .value())
                .contains("no longer needed");
    }

    @Test
    void the_requester_confirms_a_resolved_ticket() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);

        TicketState closed = close(acme.customerActor(), ticket);

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.sla().resolvedAt()).isPresent();
        assertThat(conversationOf(ticket)
                        .get(conversationOf(ticket).size() - 1)
                        .body()
                        .value())
                .contains("resolution confirmed");
    }

    @Test
    void an_organisation_colleague_may_read_but_not_close() {
        TicketState ticket = aTicket();

        assertThatThrownBy(() -> close(acme.asCustomer(acme.colleague), ticket)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> close(acme.asCustomer(acme.otherCustomer), ticket))
                .isInstanceOf(TicketNotFound.class);
    }

    @Test
    void closing_a_closed_ticket_names_no_targets() {
        TicketState ticket = aTicketIn(TicketStatus.CLOSED);

        assertThatThrownBy(() -> close(acme.customerActor(), ticket))
                .isInstanceOfSatisfying(InvalidTransition.class, e -> {
                    assertThat(e.allowedTargets()).isEmpty();
                    assertThat(e.from()).isEqualTo(TicketStatus.CLOSED);
                });
    }

    @Test
    void a_close_with_the_revision_the_customer_read_succeeds_and_answers_their_view_of_the_closed_ticket() {
        TicketState ticket = aTicket();
        CustomerTicketView read = view(ticket);

        CustomerTicketView closed = core.portal()
                .closeOwnTicket()
                .handle(new CloseOwnTicket.Command(
                        acme.customerActor(), ticket.id(), Optional.empty(), Optional.of(read.revision())));

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed).isEqualTo(view(ticket));
        assertThat(closed.revision()).isNotEqualTo(read.revision());
    }

    @Test
    void a_close_after_a_change_the_customer_can_see_is_refused_as_stale_and_changes_nothing() {
        TicketState ticket = aTicket();
        String read = view(ticket).revision();
        reply(acme.agentActor(), ticket.id(), "We are on it");
        TicketState before = stored(ticket);

        assertThatThrownBy(() -> core.portal()
                        .closeOwnTicket()
                        .handle(new CloseOwnTicket.Command(
                                acme.customerActor(), ticket.id(), Optional.empty(), Optional.of(read))))
                .isInstanceOf(StaleTicket.class)
                .hasMessageNotContaining("version");
        assertThat(stored(ticket)).isEqualTo(before);
    }

    @Test
    void staff_activity_the_customer_cannot_see_leaves_their_revision_so_their_close_goes_through() {
        TicketState ticket = aTicketIn(TicketStatus.IN_PROGRESS);
        String read = view(ticket).revision();
        core.clock.advance(Duration.ofMinutes(5));
        note(ticket.id(), "Customer is a VIP");
        core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.agentActor(), ticket.id(), Optional.of(acme.agent.id()), Optional.empty()));

        assertThat(view(ticket).revision()).isEqualTo(read);
        CustomerTicketView closed = core.portal()
                .closeOwnTicket()
                .handle(new CloseOwnTicket.Command(
                        acme.customerActor(), ticket.id(), Optional.empty(), Optional.of(read)));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    }

    private CustomerTicketView view(TicketState ticket) {
        return core.portal().getTicket().handle(new GetCustomerTicket.Command(acme.customerActor(), ticket.id()));
    }
}
