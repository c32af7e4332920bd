package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.NoChanges;
import org.supportdesk.domain.ticket.TicketClosed;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

class AssignTicketTest extends UseCaseTest {

    TicketState assign(TicketState ticket, Optional<UserId> to) {
        return core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(acme.adminActor(), ticket.id(), to, Optional.empty()))
                .ticket();
    }

    @Test
    void assigning_a_new_ticket_starts_work_with_an_internal_system_message_and_a_journal_entry() {
        TicketState ticket = aTicket();

        TicketState assigned = assign(ticket, Optional.of(acme.agent.id()));

        assertThat(assigned.assignee()).contains(acme.agent.id());
        assertThat(assigned.assignedAt()).contains(core.clock.instant());
        assertThat(assigned.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(journalOf(ticket)).containsSubsequence(JournalAction.TICKET_ASSIGNED, JournalAction.STATUS_CHANGED);
        assertThat(core
                        .read(
                                acme.tenant,
                                () -> core.journal.entriesAbout(
                                        acme.tenant, ticket.id().value()))
                        .stream()
                        .filter(e -> e.action() == JournalAction.TICKET_ASSIGNED)
                        .findFirst()
                        .orElseThrow()
                        .changes())
                .containsExactly(FieldChange.of("assignee_id", null, acme.agent.id()));
        Message assignment = conversationOf(ticket).stream()
                .filter(m -> m.body().value().startsWith("Assigned"))
                .findFirst()
                .orElseThrow();
        assertThat(assignment.kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(assignment.customerVisible()).isFalse();
    }

    @Test
    void unassigning_clears_assignee_and_assigned_at_but_keeps_the_status() {
        TicketState ticket = assign(aTicket(), Optional.of(acme.agent.id()));

        TicketState unassigned = assign(ticket, Optional.empty());

        assertThat(unassigned.assignee()).isEmpty();
        assertThat(unassigned.assignedAt()).isEmpty();
        assertThat(unassigned.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void the_same_assignee_again_is_no_change() {
        TicketState ticket = assign(aTicket(), Optional.of(acme.agent.id()));

        assertThatThrownBy(() -> assign(ticket, Optional.of(acme.agent.id()))).isInstanceOf(NoChanges.class);
    }

    @Test
    void deactivated_unknown_customer_or_foreign_people_cannot_be_assigned() {
        TicketState ticket = aTicket();

        for (UserId invalid : new UserId[] {
            acme.deactivatedAgent.id(), acme.customer.id(), globex.agent.id(), new UserId(core.ids.newId())
        }) {
            assertThatThrownBy(() -> assign(ticket, Optional.of(invalid)))
                    .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                            .extracting(f -> f.field())
                            .containsExactly("assignee_id"));
        }
        assertThat(journalOf(ticket)).containsExactly(JournalAction.TICKET_FILED);
    }

    @Test
    void a_closed_ticket_cannot_be_assigned() {
        TicketState ticket = aTicketIn(TicketStatus.CLOSED);

        assertThatThrownBy(() -> assign(ticket, Optional.of(acme.agent.id()))).isInstanceOf(TicketClosed.class);
    }
}
