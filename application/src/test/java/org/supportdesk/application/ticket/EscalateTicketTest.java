package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.ticket.NoChanges;
import org.supportdesk.domain.ticket.TicketState;

class EscalateTicketTest extends UseCaseTest {

    @Test
    void escalating_records_reason_time_an_internal_message_and_tells_the_admins() {
        TicketState ticket = aTicket();

        TicketState escalated = core.desk()
                .escalateTicket()
                .handle(new EscalateTicket.Command(acme.agentActor(), ticket.id(), "VIP customer", Optional.empty()))
                .ticket();

        assertThat(escalated.escalation()).hasValueSatisfying(e -> {
            assertThat(e.reason()).isEqualTo("VIP customer");
            assertThat(e.at()).isEqualTo(core.clock.instant());
        });
        assertThat(conversationOf(ticket)).anySatisfy(m -> {
            assertThat(m.body().value()).contains("VIP customer");
            assertThat(m.customerVisible()).isFalse();
        });
        assertThat(core.outbox.intents())
                .filteredOn(i -> i.topic() == NotificationTopic.TICKET_ESCALATED)
                .singleElement()
                .satisfies(
                        i -> assertThat(i.audiences()).containsExactlyInAnyOrder(Audience.ADMINS, Audience.WEBHOOKS));
    }

    @Test
    void escalating_twice_is_no_change_and_deescalating_lifts_it() {
        TicketState ticket = aTicket();
        core.desk()
                .escalateTicket()
                .handle(new EscalateTicket.Command(acme.agentActor(), ticket.id(), "VIP customer", Optional.empty()));

        assertThatThrownBy(() -> core.desk()
                        .escalateTicket()
                        .handle(new EscalateTicket.Command(acme.agentActor(), ticket.id(), "Again", Optional.empty())))
                .isInstanceOf(NoChanges.class);
        TicketState lifted = core.desk()
                .deescalateTicket()
                .handle(new DeescalateTicket.Command(acme.agentActor(), ticket.id(), Optional.empty()))
                .ticket();
        assertThat(lifted.escalation()).isEmpty();
        assertThat(journalOf(ticket)).contains(JournalAction.TICKET_ESCALATED, JournalAction.TICKET_DEESCALATED);
        assertThatThrownBy(() -> core.desk()
                        .deescalateTicket()
                        .handle(new DeescalateTicket.Command(acme.agentActor(), ticket.id(), Optional.empty())))
                .isInstanceOf(NoChanges.class);
    }
}
