package org.supportdesk.application.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

class AddInternalNoteTest extends UseCaseTest {

    @Test
    void a_note_is_staff_only_and_changes_no_status_nor_first_response() {
        TicketState ticket = aTicket();

        ReplyToTicket.Posted posted = note(ticket.id(), "Customer is on the legacy plan");

        assertThat(posted.message().kind()).isEqualTo(MessageKind.INTERNAL);
        assertThat(posted.message().customerVisible()).isFalse();
        assertThat(posted.ticket().status()).isEqualTo(TicketStatus.NEW);
        assertThat(posted.ticket().sla().firstRespondedAt()).isEmpty();
        assertThat(journalOf(ticket)).containsExactly(JournalAction.TICKET_FILED, JournalAction.MESSAGE_POSTED);
        assertThat(topics()).containsExactly(NotificationTopic.TICKET_CREATED);
    }

    @Test
    void a_note_on_an_assigned_ticket_tells_the_assignee_only() {
        TicketState ticket = aTicket();
        core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.adminActor(), ticket.id(), Optional.of(acme.agent.id()), Optional.empty()));

        note(ticket.id(), "Check the billing system");

        assertThat(core.outbox.intents())
                .filteredOn(i -> i.topic() == NotificationTopic.INTERNAL_NOTE_ADDED)
                .singleElement()
                .satisfies(i -> assertThat(i.audiences()).containsExactly(Audience.ASSIGNEE));
        assertThat(core.outbox.intents())
                .noneMatch(i -> i.audiences().contains(Audience.REQUESTER)
                        && i.topic() == NotificationTopic.INTERNAL_NOTE_ADDED);
    }
}
