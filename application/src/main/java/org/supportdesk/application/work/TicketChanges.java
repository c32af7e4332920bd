package org.supportdesk.application.work;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.supportdesk.application.feed.ChangeEvents;
import org.supportdesk.application.notify.InAppNotifications;
import org.supportdesk.application.notify.NotificationRules;
import org.supportdesk.domain.feed.ChangeEvent;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.ChangeFeed;
import org.supportdesk.domain.port.CorrelationIds;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.Outbox;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.sla.SlaExplanation;
import org.supportdesk.domain.sla.SlaTimeline;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.StaffActor;
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
 * enqueue the notifications it owes, writing the in-app ones (§13) in the same transaction.
 */
public final class TicketChanges {
    /**
     * How often a change without If-Match is tried: once, then again holding the ticket, which no other writer can
     * overtake; a third try is only for a store that does not hold tickets as it promises.
     */
    static final int ATTEMPTS_WITHOUT_IF_MATCH = 3;

    private final TicketRepository tickets;
    private final RequesterNames requesterNames;
    private final TransactionRunner transactions;
    private final Journal journal;
    private final TicketSlaClocks slaClocks;
    private final Outbox outbox;
    private final ChangeFeed feed;
    private final InAppNotifications inApp;
    private final IdGenerator ids;
    private final CorrelationIds correlation;
    private final InstantSource clock;

    public TicketChanges(
            TicketRepository tickets,
            People people,
            TransactionRunner transactions,
            Journal journal,
            TicketSlaClocks slaClocks,
            Outbox outbox,
            ChangeFeed feed,
            InAppNotifications inApp,
            IdGenerator ids,
            CorrelationIds correlation,
            InstantSource clock) {
        this.tickets = tickets;
        this.requesterNames = new RequesterNames(people);
        this.transactions = transactions;
        this.journal = journal;
        this.slaClocks = slaClocks;
        this.outbox = outbox;
        this.feed = feed;
        this.inApp = inApp;
        this.ids = ids;
        this.correlation = correlation;
        this.clock = clock;
    }

    /** Which tickets a change may reach: live ones, or (for restore) soft-deleted ones too. */
    public enum Reach {
        LIVE,
        INCLUDING_DELETED
    }

    /** A change's own result and the ticket as recorded after it. */
    public record Changed<T>(T result, TicketState ticket) {}

    /**
     * Applies {@code change} to the live ticket {@code ref} that {@code actor} may see, records it, and answers the
     * ticket as recorded.
     *
     * @param expectedVersion the version the caller last read ({@code If-Match}); empty to skip the check
     * @throws TicketNotFound when the actor may not see such a ticket, which is also what a missing one gives
     * @throws StaleTicket when the ticket is no longer at {@code expectedVersion}
     */
    public TicketState change(
            Actor actor, TicketRef ref, Optional<Long> expectedVersion, BiConsumer<Ticket, ChangeContext> change) {
        return change(actor, ref, expectedVersion, Reach.LIVE, change);
    }

    /** Like {@link #change(Actor, TicketRef, Optional, BiConsumer)}, reaching soft-deleted tickets if asked to. */
    public TicketState change(
            Actor actor,
            TicketRef ref,
            Optional<Long> expectedVersion,
            Reach reach,
            BiConsumer<Ticket, ChangeContext> change) {
        return changeWithResult(actor, ref, expectedVersion, reach, (ticket, context) -> {
                    change.accept(ticket, context);
                    return null;
                })
                .ticket();
    }

    /**
     * Like {@link #change(Actor, TicketRef, Optional, Reach, BiConsumer)} for staff: answers the ticket as the change
     * left it, with its requester's name, read in the change's own transaction, so the caller's answer and its ETag
     * describe exactly the version this change wrote.
     */
    public ChangedTicket changeForStaff(
            StaffActor actor,
            TicketRef ref,
            Optional<Long> expectedVersion,
            Reach reach,
            BiConsumer<Ticket, ChangeContext> change) {
        return transactions.inTransaction(actor.tenant(), () -> {
            TicketState changed = change(actor, ref, expectedVersion, reach, change);
            return new ChangedTicket(changed, requesterNames.of(changed));
        });
    }

    /** {@link #changeForStaff(StaffActor, TicketRef, Optional, Reach, BiConsumer)} of a live ticket. */
    public ChangedTicket changeForStaff(
            StaffActor actor, TicketRef ref, Optional<Long> expectedVersion, BiConsumer<Ticket, ChangeContext> change) {
        return changeForStaff(actor, ref, expectedVersion, Reach.LIVE, change);
    }

    /** Like {@link #change(Actor, TicketRef, Optional, BiConsumer)} for a change that also answers something. */
    public <T> Changed<T> changeWithResult(
            Actor actor, TicketRef ref, Optional<Long> expectedVersion, BiFunction<Ticket, ChangeContext, T> change) {
        return changeWithResult(actor, ref, expectedVersion, Reach.LIVE, change);
    }

    private <T> Changed<T> changeWithResult(
            Actor actor,
            TicketRef ref,
            Optional<Long> expectedVersion,
            Reach reach,
            BiFunction<Ticket, ChangeContext, T> change) {
        return transactions.inTransaction(actor.tenant(), () -> {
            for (int attempt = 1; ; attempt++) {
                Ticket ticket = load(actor, ref, reach);
                expectedVersion.ifPresent(expected -> {
                    if (expected != ticket.persistedVersion()) {
                        throw new StaleTicket(ticket.id(), expected);
                    }
                });
                T result = change.apply(ticket, contextFor(actor));
                try {
                    record(ticket);
                    return new Changed<>(result, ticket.state());
                } catch (StaleTicket overtaken) {
                    // Without If-Match the last write wins (§17): another write landed between our read and our
                    // save, so apply the change again to the version now committed, which re-checks every rule.
                    // Nothing was written yet (the version check comes first), and a read-committed transaction
                    // sees the newer version on the next read. Holding the ticket first means no other writer can
                    // overtake that second try, however many write at once.
                    if (expectedVersion.isPresent()) {
                        throw overtaken;
                    }
                    if (attempt == ATTEMPTS_WITHOUT_IF_MATCH) {
                        throw StaleTicket.busy();
                    }
                    tickets.lock(actor.tenant(), ticket.id());
                }
            }
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

    /**
     * Refreshes the ticket's cached SLA due times from its whole history, including this unit of work's events, when
     * one of them can move its clocks (a new ticket's always), then saves the ticket with its messages, enqueues the
     * events' notifications and, last, journals them and appends them to the change feed: the journal's chain head and
     * the feed's cursor are tenant-wide and held until the transaction ends, so they are taken as late as they can be.
     * A unit of work that changed nothing, not even the cache, writes nothing.
     */
    public void record(Ticket ticket) {
        String correlationId = correlation.current();
        List<TicketEvent> events = ticket.events();
        List<JournalEntry> entries = new ArrayList<>();
        for (TicketEvent event : events) {
            entries.add(event.toJournalEntry(ids.newId(), correlationId));
        }
        boolean cacheChanged = refreshSlaDueTimes(ticket, entries);
        if (entries.isEmpty() && !cacheChanged) {
            return;
        }
        tickets.save(ticket);
        TicketState state = ticket.state();
        for (int i = 0; i < entries.size(); i++) {
            NotificationRules.intentFor(
                            events.get(i), state, ids.newId(), entries.get(i).id())
                    .ifPresent(intent -> {
                        outbox.enqueue(intent);
                        inApp.write(intent, state);
                    });
        }
        journal.appendAll(entries);
        List<ChangeEvent> changes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            changes.add(ChangeEvents.of(events.get(i), entries.get(i), state));
        }
        feed.appendAll(changes);
    }

    private boolean refreshSlaDueTimes(Ticket ticket, List<JournalEntry> newEntries) {
        TicketState state = ticket.state();
        if (!ticket.isNew()
                && newEntries.stream()
                        .noneMatch(entry ->
                                SlaTimeline.canMoveClocks(entry, state.sla().firstRespondedAt()))) {
            return false; // a note, a tag, a customer's reply that moves no status: the cached due times still hold
        }
        List<JournalEntry> history = new ArrayList<>();
        if (!ticket.isNew()) {
            history.addAll(journal.entriesAbout(state.tenant(), state.id().value()));
        }
        history.addAll(newEntries);
        // A writer that read the ticket before another committed a later change sees that change here, after its own
        // earlier-stamped events; put the history in time order (stably) so it reaches the version check and loses
        // as stale instead of failing on an unordered timeline.
        history.sort(Comparator.comparing(JournalEntry::at));
        SlaExplanation clocks = slaClocks.explain(state, history, clock.instant());
        return ticket.cacheSlaDueTimes(
                clocks.firstResponse().dueAt(), clocks.resolution().dueAt());
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
        return found.orElseThrow(() -> new TicketNotFound());
    }

    /** A fresh id, for records a use case creates beside the ticket. */
    public UUID newId() {
        return ids.newId();
    }
}
