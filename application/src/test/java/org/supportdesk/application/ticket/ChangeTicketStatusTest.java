package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.ticket.InvalidTransition;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.NoChanges;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

class ChangeTicketStatusTest extends UseCaseTest {

    @Test
    void resolving_records_history_a_public_system_message_and_tells_the_requester() {
        TicketState ticket = aTicketIn(TicketStatus.IN_PROGRESS);

        TicketState resolved = core.desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        acme.agentActor(), ticket.id(), TicketStatus.RESOLVED, Optional.of("patched"), Optional.of(2L)))
                .ticket();

        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolved.sla().resolvedAt()).contains(core.clock.instant());
        assertThat(resolved.version()).isEqualTo(3);
        JournalEntry last =
                core
                        .read(
                                acme.tenant,
                                () -> core.journal.entriesAbout(
                                        acme.tenant, ticket.id().value()))
                        .stream()
                        .filter(e -> e.action() == JournalAction.STATUS_CHANGED)
                        .reduce((a, b) -> b)
                        .orElseThrow();
        assertThat(last.changes()).containsExactly(FieldChange.of("status", "in_progress", "resolved"));
        assertThat(last.actor().id()).contains(acme.agent.id());
        Message system = conversationOf(ticket).get(conversationOf(ticket).size() - 1);
        assertThat(system.kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(system.customerVisible()).isTrue();
        assertThat(system.body().value())
                .contains("in_progress")
                .contains("resolved")
                .contains("patched");
        assertThat(core.outbox.intents().get(core.outbox.intents().size() - 1)).satisfies(i -> {
            assertThat(i.topic()).isEqualTo(NotificationTopic.STATUS_CHANGED);
            assertThat(i.audiences()).containsExactlyInAnyOrder(Audience.REQUESTER, Audience.WEBHOOKS);
        });
    }

    @Test
    void a_move_the_table_refuses_names_the_allowed_targets_and_changes_nothing() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);
        int journalSize = core.journal.all().size();

        assertThatThrownBy(() -> moveTo(ticket.id(), TicketStatus.ON_HOLD))
                .isInstanceOfSatisfying(InvalidTransition.class, e -> assertThat(e.allowedTargets())
                        .containsExactlyInAnyOrder(TicketStatus.IN_PROGRESS, TicketStatus.CLOSED));
        assertThat(core.journal.all()).hasSize(journalSize);
        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, ticket.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void closed_is_terminal_with_no_allowed_targets() {
        TicketState ticket = aTicketIn(TicketStatus.CLOSED);

        assertThatThrownBy(() -> moveTo(ticket.id(), TicketStatus.IN_PROGRESS))
                .isInstanceOfSatisfying(InvalidTransition.class, e -> assertThat(e.allowedTargets())
                        .isEmpty());
        assertThatThrownBy(() -> moveTo(ticket.id(), TicketStatus.CLOSED)).isInstanceOf(InvalidTransition.class);
    }

    @Test
    void setting_the_current_status_is_no_change_and_bumps_nothing() {
        TicketState ticket = aTicketIn(TicketStatus.ON_HOLD);

        assertThatThrownBy(() -> moveTo(ticket.id(), TicketStatus.ON_HOLD)).isInstanceOf(NoChanges.class);
        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, ticket.id()))
                        .orElseThrow()
                        .state()
                        .version())
                .isEqualTo(ticket.version());
    }

    @Test
    void staff_reopen_a_resolved_ticket_and_resolved_at_is_cleared() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);

        TicketState reopened = moveTo(ticket.id(), TicketStatus.IN_PROGRESS);

        assertThat(reopened.sla().resolvedAt()).isEmpty();
    }

    @Test
    void a_stale_expected_version_is_refused() {
        TicketState ticket = aTicket();

        assertThatThrownBy(() -> core.desk()
                        .changeTicketStatus()
                        .handle(new ChangeTicketStatus.Command(
                                acme.agentActor(),
                                ticket.id(),
                                TicketStatus.ON_HOLD,
                                Optional.empty(),
                                Optional.of(7L))))
                .isInstanceOf(StaleTicket.class);
    }

    @Test
    void another_tenants_staff_cannot_find_the_ticket() {
        TicketState ticket = aTicket();

        assertThatThrownBy(() -> core.desk()
                        .changeTicketStatus()
                        .handle(new ChangeTicketStatus.Command(
                                globex.adminActor(),
                                ticket.id(),
                                TicketStatus.ON_HOLD,
                                Optional.empty(),
                                Optional.empty())))
                .isInstanceOf(TicketNotFound.class);
    }
}
