package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.InvalidTransition;
import org.supportdesk.domain.ticket.NoChanges;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.TicketClosed;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

class UpdateTicketTest extends UseCaseTest {

    UpdateTicket.Command patch(TicketState ticket) {
        return new UpdateTicket.Command(
                acme.agentActor(),
                ticket.id(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    static UpdateTicket.Command with(
            UpdateTicket.Command c,
            Optional<Subject> subject,
            Optional<Priority> priority,
            Optional<Category> category,
            Optional<Tags> tags,
            Optional<UpdateTicket.Assignment> assignment,
            Optional<TicketStatus> status) {
        return new UpdateTicket.Command(
                c.actor(),
                c.ticket(),
                subject,
                priority,
                category,
                tags,
                c.customFields(),
                assignment,
                status,
                c.expectedVersion());
    }

    @Test
    void several_changes_in_one_request_make_one_version_and_one_journal_entry_each() {
        TicketState ticket = aTicket();

        TicketState after = core.desk()
                .updateTicket()
                .handle(with(
                        patch(ticket),
                        Optional.of(new Subject("Printer smoking")),
                        Optional.of(Priority.HIGH),
                        Optional.of(new Category("bug")),
                        Optional.of(Tags.of(List.of("Hardware", "printer", "hardware"))),
                        Optional.of(new UpdateTicket.Assignment(Optional.of(acme.agent.id()))),
                        Optional.of(TicketStatus.ON_HOLD)))
                .ticket();

        assertThat(after.version()).isEqualTo(2);
        assertThat(after.subject().value()).isEqualTo("Printer smoking");
        assertThat(after.priority()).isEqualTo(Priority.HIGH);
        assertThat(after.category().value()).isEqualTo("bug");
        assertThat(after.tags().values()).containsExactly("hardware", "printer");
        assertThat(after.assignee()).contains(acme.agent.id());
        assertThat(after.status()).isEqualTo(TicketStatus.ON_HOLD);
        List<JournalEntry> updates =
                core
                        .read(
                                acme.tenant,
                                () -> core.journal.entriesAbout(
                                        acme.tenant, ticket.id().value()))
                        .stream()
                        .filter(e -> e.action() == JournalAction.TICKET_UPDATED)
                        .toList();
        assertThat(updates)
                .flatExtracting(JournalEntry::changes)
                .containsExactly(
                        FieldChange.of("subject", "Printer on fire", "Printer smoking"),
                        FieldChange.of("priority", "urgent", "high"),
                        FieldChange.of("category", "technical", "bug"),
                        FieldChange.of("tags", "", "hardware,printer"));
        assertThat(journalOf(ticket)).contains(JournalAction.TICKET_ASSIGNED);
        // assigning moved new -> in_progress, then the requested status applied
        assertThat(core
                        .read(
                                acme.tenant,
                                () -> core.journal.entriesAbout(
                                        acme.tenant, ticket.id().value()))
                        .stream()
                        .filter(e -> e.action() == JournalAction.STATUS_CHANGED)
                        .flatMap(e -> e.changes().stream()))
                .containsExactly(
                        FieldChange.of("status", "new", "in_progress"),
                        FieldChange.of("status", "in_progress", "on_hold"));
    }

    @Test
    void a_request_whose_values_are_all_current_is_no_changes_and_bumps_nothing() {
        TicketState ticket = aTicket();

        assertThatThrownBy(() -> core.desk()
                        .updateTicket()
                        .handle(with(
                                patch(ticket),
                                Optional.of(new Subject("Printer on fire")),
                                Optional.of(Priority.URGENT),
                                Optional.empty(),
                                Optional.of(Tags.NONE),
                                Optional.of(new UpdateTicket.Assignment(Optional.empty())),
                                Optional.of(TicketStatus.NEW))))
                .isInstanceOf(NoChanges.class);
        assertThatThrownBy(() -> core.desk().updateTicket().handle(patch(ticket)))
                .isInstanceOf(NoChanges.class);
        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, ticket.id()))
                        .orElseThrow()
                        .state()
                        .version())
                .isEqualTo(1);
        assertThat(journalOf(ticket)).containsExactly(JournalAction.TICKET_FILED);
    }

    @Test
    void one_invalid_part_rolls_back_the_whole_request() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);

        assertThatThrownBy(() -> core.desk()
                        .updateTicket()
                        .handle(with(
                                patch(ticket),
                                Optional.of(new Subject("Renamed")),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(TicketStatus.ON_HOLD))))
                .isInstanceOf(InvalidTransition.class);
        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, ticket.id()))
                        .orElseThrow()
                        .state()
                        .subject()
                        .value())
                .isEqualTo("Printer on fire");
    }

    @Test
    void an_unknown_category_is_refused() {
        TicketState ticket = aTicket();

        assertThatThrownBy(() -> core.desk()
                        .updateTicket()
                        .handle(with(
                                patch(ticket),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(new Category("astrology")),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void custom_fields_change_and_closed_tickets_refuse_field_changes() {
        TicketState ticket = aTicket();
        UpdateTicket.Command custom = new UpdateTicket.Command(
                acme.agentActor(),
                ticket.id(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new CustomFields("{\"seats\":12}")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThat(core.desk()
                        .updateTicket()
                        .handle(custom)
                        .ticket()
                        .customFields()
                        .json())
                .isEqualTo("{\"seats\":12}");

        moveTo(ticket.id(), TicketStatus.CLOSED);
        assertThatThrownBy(() -> core.desk()
                        .updateTicket()
                        .handle(with(
                                patch(ticket),
                                Optional.empty(),
                                Optional.of(Priority.LOW),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())))
                .isInstanceOf(TicketClosed.class);
    }
}
