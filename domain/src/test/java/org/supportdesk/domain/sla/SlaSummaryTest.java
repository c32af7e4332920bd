package org.supportdesk.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.domain.testing.TicketBuilder.aTicket;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.tenant.SystemActor;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;
import org.supportdesk.domain.ticket.SlaTarget;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketStatus;

/** What a ticket's cached SLA columns say about each clock, for lists and views. */
class SlaSummaryTest {
    static final Instant DUE = Instant.parse("2026-03-02T10:00:00Z");
    final Changes changes = Changes.atT0();

    @Test
    void a_cached_due_time_is_a_running_clock() {
        Ticket ticket = aTicket().build();
        ticket.cacheSlaDueTimes(Optional.of(DUE), Optional.of(DUE.plusSeconds(60)));

        assertThat(SlaSummary.of(ticket.state(), SlaTarget.FIRST_RESPONSE))
                .isEqualTo(new SlaSummary(ClockState.RUNNING, Optional.of(DUE)));
        assertThat(SlaSummary.of(ticket.state(), SlaTarget.RESOLUTION))
                .isEqualTo(new SlaSummary(ClockState.RUNNING, Optional.of(DUE.plusSeconds(60))));
    }

    @Test
    void a_recorded_breach_wins_over_everything_else() {
        Ticket ticket = aTicket().build();
        ticket.cacheSlaDueTimes(Optional.of(DUE), Optional.empty());
        ticket.recordBreach(SlaTarget.FIRST_RESPONSE, DUE, changes.by(new SystemActor(Fixtures.TENANT)));

        assertThat(SlaSummary.of(ticket.state(), SlaTarget.FIRST_RESPONSE).state())
                .isEqualTo(ClockState.BREACHED);
    }

    @Test
    void without_a_due_time_first_response_is_met_and_resolution_is_paused_until_the_ticket_is_resolved() {
        Ticket waiting = aTicket().withStatus(TicketStatus.WAITING_ON_CUSTOMER).build();
        Ticket resolved = aTicket().withStatus(TicketStatus.RESOLVED).build();

        assertThat(SlaSummary.of(waiting.state(), SlaTarget.FIRST_RESPONSE))
                .isEqualTo(new SlaSummary(ClockState.MET, Optional.empty()));
        assertThat(SlaSummary.of(waiting.state(), SlaTarget.RESOLUTION).state()).isEqualTo(ClockState.PAUSED);
        assertThat(SlaSummary.of(resolved.state(), SlaTarget.RESOLUTION).state())
                .isEqualTo(ClockState.MET);
    }
}
