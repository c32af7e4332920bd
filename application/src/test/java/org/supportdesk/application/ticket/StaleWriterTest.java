package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketState;

/**
 * A writer that read a ticket before another writer committed a later change loses with StaleTicket (412), even when
 * its own change is stamped earlier than the committed one, so the ticket's history is out of time order for it.
 */
class StaleWriterTest extends UseCaseTest {

    @Test
    void a_stale_writer_whose_change_is_older_than_the_committed_one_is_refused_as_stale() {
        TicketState ticket = aTicket();
        Ticket stale = core.read(acme.tenant, () -> core.tickets.find(acme.tenant, ticket.id()))
                .orElseThrow();
        Instant staleMoment = core.clock.instant().plus(Duration.ofSeconds(5));
        core.clock.advance(Duration.ofSeconds(10));
        core.desk()
                .updateTicket()
                .handle(new UpdateTicket.Command(
                        acme.agentActor(),
                        ticket.id(),
                        Optional.empty(),
                        Optional.of(Priority.LOW),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));

        core.clock.set(staleMoment);
        stale.changePriority(Priority.HIGH, core.useCases.changes().contextFor(acme.agentActor()));

        assertThatThrownBy(() -> core.transactions.inTransaction(acme.tenant, () -> {
                    core.useCases.changes().record(stale);
                    return null;
                }))
                .isInstanceOf(StaleTicket.class);
    }
}
