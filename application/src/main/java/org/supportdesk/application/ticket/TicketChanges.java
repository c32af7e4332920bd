package org.supportdesk.application.ticket;

import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.supportdesk.application.notify.NotificationRules;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.CorrelationIds;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.Outbox;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.ticket.ChangeContext;
import org.supportdesk.domain.ticket.NoChanges;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketEvent;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * The unit of work every ticket change shares: in one transaction, load the ticket the actor may see (404 otherwise),
 * check the caller's expected version, apply the change, then save the ticket and its messages, journal each event and
 * enqueue the notifications it owes.
 */
public final class TicketChanges {
    private final TicketRepository tickets;
    private final TransactionRunner transactions;
    private final Journal journal;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final CorrelationIds correlation;
    private final InstantSource clock;

    public TicketChanges(
            TicketRepository tickets,
            TransactionRunner transactions,
            Journal journal,
            Outbox outbox,
            IdGenerator ids,
            CorrelationIds correlation,
            InstantSource clock) {
        this.tickets = tickets;
        this.transactions = transactions;
        this.journal = journal;
        this.outbox = outbox;
        this.ids = ids;
        this.correlation = correlation;
        this.clock = clock;
    }

    /** Which tickets a change may reach: live ones, or (for restore) soft-deleted ones too. */
    public enum Reach {
        LIVE,
        INCLUDING_DELETED
    }

    /**
     * Applies {@code change} to the live ticket {@code ref} that {@code actor} may see, and records it.
     *
     * @param expectedVersion the version the caller last read ({@code If-Match}); empty to skip the check
     * @throws TicketNotFound when the actor may not see such a ticket, which is also what a missing one gives
     * @throws StaleTicket when the ticket is no longer at {@code expectedVersion}
     */
    public <T> T change(
            Actor actor, TicketRef ref, Optional<Long> expectedVersion, BiFunction<Ticket, ChangeContext, T> change) {
        return change(actor, ref, expectedVersion, Reach.LIVE, change);
    }

    public <T> T change(
            Actor actor,
            TicketRef ref,
            Optional<Long> expectedVersion,
            Reach reach,
            BiFunction<Ticket, ChangeContext, T> change) {
        return transactions.inTransaction(actor.tenant(), () -> {
            Ticket ticket = load(actor, ref, reach);
            expectedVersion.ifPresent(expected -> {
                if (expected != ticket.persistedVersion()) {
                    throw new StaleTicket(ticket.id(), expected);
                }
            });
            T result = change.apply(ticket, contextFor(actor));
            record(ticket);
            return result;
        });
    }

    /** Runs {@code work} in a transaction of the actor's tenant; for use cases that create tickets. */
    public <T> T inTransaction(Actor actor, Supplier<T> work) {
        return transactions.inTransaction(actor.tenant(), work);
    }

    /** The context a change made now by {@code actor} runs in. */
    public ChangeContext contextFor(Actor actor) {
        return new ChangeContext(actor, clock.instant(), ids::newId);
    }

    /** Saves the ticket with its messages, journals its events and enqueues their notifications. */
    public void record(Ticket ticket) {
        tickets.save(ticket);
        TicketState state = ticket.state();
        String correlationId = correlation.current();
        for (TicketEvent event : ticket.events()) {
            JournalEntry entry = event.toJournalEntry(ids.newId(), correlationId);
            journal.append(entry);
            NotificationRules.intentFor(event, state, ids.newId(), entry.id()).ifPresent(outbox::enqueue);
        }
    }

    /** Refuses a request that changed nothing, so neither version nor history moves (§17). */
    public static void requireChanged(boolean changed, Ticket ticket) {
        if (!changed) {
            throw new NoChanges(ticket.number());
        }
    }

    private Ticket load(Actor actor, TicketRef ref, Reach reach) {
        Optional<Ticket> found = reach == Reach.LIVE
                ? tickets.find(actor.tenant(), ref).filter(t -> TicketAccess.canSee(actor, t.state()))
                : tickets.findIncludingDeleted(actor.tenant(), ref)
                        .filter(t ->
                                TicketAccess.canSee(actor, t.state()) || TicketAccess.canSeeDeleted(actor, t.state()));
        return found.orElseThrow(() -> new TicketNotFound(ref));
    }

    /** A fresh id, for records a use case creates beside the ticket. */
    public UUID newId() {
        return ids.newId();
    }
}
