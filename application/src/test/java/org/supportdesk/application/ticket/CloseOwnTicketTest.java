package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.InvalidTransition;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

class CloseOwnTicketTest extends UseCaseTest {

    TicketState close(CustomerActor who, TicketState ticket) {
        return core.portal()
                .closeOwnTicket()
                .handle(new CloseOwnTicket.Command(who, ticket.id(), Optional.empty(), Optional.empty()));
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
}
