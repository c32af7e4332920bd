package org.supportdesk.domain.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * A ticket's history as the SLA clocks need it: the facts that start, pause, resume, stop or re-target them, in time
 * order (ties keep their list order). Immutable; each {@code with} method returns a longer timeline.
 */
public final class SlaTimeline {

    /** What kind of fact a {@link Fact} is, for switching (Java 17 cannot switch over a sealed type). */
    public enum Kind {
        FILED,
        STATUS_ENTERED,
        PRIORITY_CHANGED,
        FIRST_PUBLIC_STAFF_REPLY
    }

    /** One clock-relevant fact of a ticket's history. */
    public sealed interface Fact permits Filed, StatusEntered, PriorityChanged, FirstPublicStaffReply {
        Instant at();

        Kind kind();
    }

    /** The ticket was filed with this priority; it starts as {@code new}. */
    public record Filed(Instant at, Priority priority) implements Fact {
        public Filed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(priority, "priority");
        }

        @Override
        public Kind kind() {
            return Kind.FILED;
        }
    }

    /** The ticket moved to this status. */
    public record StatusEntered(Instant at, TicketStatus to) implements Fact {
        public StatusEntered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Kind kind() {
            return Kind.STATUS_ENTERED;
        }
    }

    /** The ticket's priority changed to this one. */
    public record PriorityChanged(Instant at, Priority to) implements Fact {
        public PriorityChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Kind kind() {
            return Kind.PRIORITY_CHANGED;
        }
    }

    /** Staff posted the first public reply; a later one of these, if any, changes nothing. */
    public record FirstPublicStaffReply(Instant at) implements Fact {
        public FirstPublicStaffReply {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Kind kind() {
            return Kind.FIRST_PUBLIC_STAFF_REPLY;
        }
    }

    private final List<Fact> facts;

    private SlaTimeline(List<Fact> facts) {
        this.facts = List.copyOf(facts);
    }

    /** A timeline that starts with the ticket being filed. */
    public static SlaTimeline filed(Instant at, Priority priority) {
        return new SlaTimeline(List.of(new Filed(at, priority)));
    }

    /**
     * A timeline of the given facts: the first must be {@link Filed}, no other may be, and times must not go back.
     */
    public static SlaTimeline of(List<? extends Fact> facts) {
        Objects.requireNonNull(facts, "facts");
        if (facts.isEmpty() || facts.get(0).kind() != Kind.FILED) {
            throw new IllegalArgumentException("an SLA timeline starts with the ticket being filed");
        }
        for (int i = 1; i < facts.size(); i++) {
            Fact fact = Objects.requireNonNull(facts.get(i), "fact");
            if (fact.kind() == Kind.FILED) {
                throw new IllegalArgumentException("a ticket is filed only once");
            }
            if (fact.at().isBefore(facts.get(i - 1).at())) {
                throw new IllegalArgumentException(
                        "SLA facts must be in time order: " + fact + " after " + facts.get(i - 1));
            }
        }
        return new SlaTimeline(new ArrayList<>(facts));
    }

    /**
     * Reads the clock-relevant entries of one ticket's journal, in list order: {@code ticket_filed} (its
     * {@code priority} change), {@code status_changed} (the new {@code status}), {@code ticket_updated} of
     * {@code priority}, and the first {@code message_posted} of kind {@code public} by a staff actor. Other entries
     * are ignored.
     *
     * @throws IllegalArgumentException if there is no {@code ticket_filed} entry before the others that count, or a
     *     value cannot be read
     */
    public static SlaTimeline fromJournal(List<JournalEntry> entries) {
        List<Fact> facts = new ArrayList<>();
        boolean replied = false;
        for (JournalEntry entry : entries) {
            Optional<Fact> fact = factOf(entry);
            if (fact.isPresent() && fact.get().kind() == Kind.FIRST_PUBLIC_STAFF_REPLY) {
                if (replied) {
                    continue; // only the first public staff reply answers the ticket
                }
                replied = true;
            }
            fact.ifPresent(facts::add);
        }
        return of(facts);
    }

    /**
     * Whether {@code entry}, appended to a ticket's journal, can move its clocks: whether it is a fact the timeline
     * reads, other than a public staff reply after the one at {@code firstRespondedAt} (the ticket's first, as the
     * change left it), which {@link #fromJournal} skips. When no appended entry can, the clocks, and the due times a
     * ticket caches from them, are what they were, so they need not be computed again.
     */
    public static boolean canMoveClocks(JournalEntry entry, Optional<Instant> firstRespondedAt) {
        return factOf(entry)
                .filter(fact -> fact.kind() != Kind.FIRST_PUBLIC_STAFF_REPLY
                        || firstRespondedAt
                                .filter(first -> first.isBefore(fact.at()))
                                .isEmpty())
                .isPresent();
    }

    /** What a journal entry tells the clocks; a switch expression, so a new action must say whether it matters. */
    private static Optional<Fact> factOf(JournalEntry entry) {
        return switch (entry.action()) {
            case TICKET_FILED -> Optional.of(new Filed(entry.at(), priority(required(entry, "priority"))));
            case STATUS_CHANGED -> Optional.of(new StatusEntered(entry.at(), status(required(entry, "status"))));
            case TICKET_UPDATED -> after(entry, "priority").map(p -> new PriorityChanged(entry.at(), priority(p)));
            case MESSAGE_POSTED -> entry.actor().isStaff()
                            && after(entry, "kind").filter("public"::equals).isPresent()
                    ? Optional.of(new FirstPublicStaffReply(entry.at()))
                    : Optional.empty();
            case TICKET_ASSIGNED,
                    TICKET_ESCALATED,
                    TICKET_DEESCALATED,
                    TICKET_DELETED,
                    TICKET_RESTORED,
                    TICKET_SPLIT,
                    TICKET_MERGED,
                    TICKET_UNMERGED,
                    TICKET_ERASED,
                    SLA_BREACHED,
                    TENANT_CREATED,
                    PERSON_CREATED,
                    PERSON_UPDATED,
                    PERSON_ERASED,
                    ORGANIZATION_CREATED,
                    ORGANIZATION_UPDATED,
                    SETTINGS_CHANGED,
                    POLICY_VERSIONED,
                    CALENDAR_VERSIONED,
                    API_TOKEN_CREATED,
                    API_TOKEN_REVOKED,
                    FEEDBACK_GIVEN -> Optional.empty();
                // Knowledge-base articles and call-backs are journalled too, but no SLA clock reads them.
            case ARTICLE_CREATED, ARTICLE_UPDATED, ARTICLE_DELETED, CALL_REQUESTED, CALL_UPDATED -> Optional.empty();
                // Webhook subscriptions and the channels' settings are admin actions no clock reads.
            case WEBHOOK_CREATED,
                    WEBHOOK_UPDATED,
                    WEBHOOK_DELETED,
                    TELEGRAM_CONFIGURED,
                    TELEGRAM_REMOVED,
                    EMAIL_CHANNEL_CONFIGURED,
                    EMAIL_CHANNEL_REMOVED,
                    INBOUND_SECRET_ROTATED -> Optional.empty();
        };
    }

    public SlaTimeline statusChanged(Instant at, TicketStatus to) {
        return with(new StatusEntered(at, to));
    }

    public SlaTimeline priorityChanged(Instant at, Priority to) {
        return with(new PriorityChanged(at, to));
    }

    public SlaTimeline firstPublicStaffReply(Instant at) {
        return with(new FirstPublicStaffReply(at));
    }

    /** This timeline with one more fact at its end. */
    public SlaTimeline with(Fact fact) {
        List<Fact> next = new ArrayList<>(facts.size() + 1);
        next.addAll(facts);
        next.add(fact);
        return of(next);
    }

    public List<Fact> facts() {
        return facts;
    }

    public Instant filedAt() {
        return facts.get(0).at();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaTimeline other && facts.equals(other.facts);
    }

    @Override
    public int hashCode() {
        return facts.hashCode();
    }

    @Override
    public String toString() {
        return "SlaTimeline" + facts;
    }

    private static Optional<String> after(JournalEntry entry, String field) {
        for (FieldChange change : entry.changes()) {
            if (change.field().equals(field)) {
                return change.after();
            }
        }
        return Optional.empty();
    }

    private static String required(JournalEntry entry, String field) {
        return after(entry, field)
                .orElseThrow(() -> new IllegalArgumentException(
                        "journal entry " + entry.id() + " (" + entry.action().wireName() + ") has no new " + field));
    }

    private static Priority priority(String wire) {
        for (Priority p : Priority.values()) {
            if (p.wireName().equals(wire)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a priority: " + wire);
    }

    private static TicketStatus status(String wire) {
        for (TicketStatus s : TicketStatus.values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a status: " + wire);
    }
}
