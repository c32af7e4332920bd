package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketClosed;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

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

    @Test
    void without_if_match_a_change_overtaken_by_another_write_is_applied_again_to_the_newer_version() {
        TicketState ticket = aTicket();
        AtomicInteger attempts = new AtomicInteger();

        TicketState changed = core.useCases
                .changes()
                .change(acme.agentActor(), ticket.id(), Optional.empty(), (loaded, context) -> {
                    if (attempts.incrementAndGet() == 1) {
                        overtake(ticket);
                    }
                    loaded.changePriority(Priority.HIGH, context);
                });

        assertThat(attempts).hasValue(2);
        assertThat(changed.priority()).isEqualTo(Priority.HIGH);
        assertThat(changed.subject().value()).isEqualTo("Renamed by someone else");
        assertThat(changed.version()).isEqualTo(ticket.version() + 2);
    }

    @Test
    void with_if_match_a_change_overtaken_by_another_write_is_refused_as_stale() {
        TicketState ticket = aTicket();

        assertThatThrownBy(() -> core.useCases
                        .changes()
                        .change(acme.agentActor(), ticket.id(), Optional.of(ticket.version()), (loaded, context) -> {
                            overtake(ticket);
                            loaded.changePriority(Priority.HIGH, context);
                        }))
                .isInstanceOf(StaleTicket.class);
        assertThat(stored(ticket).priority()).isEqualTo(ticket.priority());
    }

    @Test
    void an_overtaken_change_still_meets_every_rule_of_the_version_it_is_applied_to() {
        TicketState ticket = aTicketIn(TicketStatus.IN_PROGRESS);

        assertThatThrownBy(() -> core.useCases
                        .changes()
                        .change(acme.agentActor(), ticket.id(), Optional.empty(), (loaded, context) -> {
                            if (loaded.status() == TicketStatus.IN_PROGRESS) {
                                closeBehindTheWritersBack(ticket);
                            }
                            loaded.changePriority(Priority.HIGH, context);
                        }))
                .isInstanceOf(TicketClosed.class);
    }

    /** Another writer renames the ticket while this unit of work holds its own copy (same transaction, as a race). */
    private void overtake(TicketState ticket) {
        Ticket other = core.tickets.find(acme.tenant, ticket.id()).orElseThrow();
        other.changeSubject(
                new Subject("Renamed by someone else"), core.useCases.changes().contextFor(acme.agentActor()));
        core.useCases.changes().record(other);
    }

    private void closeBehindTheWritersBack(TicketState ticket) {
        Ticket other = core.tickets.find(acme.tenant, ticket.id()).orElseThrow();
        other.changeStatus(
                TicketStatus.CLOSED, Optional.empty(), core.useCases.changes().contextFor(acme.agentActor()));
        core.useCases.changes().record(other);
    }
}
