package org.supportdesk.application.feed;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.supportdesk.domain.port.ChangeFeed;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Reads the change feed after a cursor (§16 {@code GET /changes}, {@code GET /portal/changes}): staff every event of
 * their tenant, a customer only what they may be told of ({@link ChangeEvents}, {@link FeedItem}). Without a cursor it
 * starts at the oldest event kept. The answer's {@code nextCursor} is where to go on: after the last item, or, when
 * fewer than asked for came back, the newest cursor looked through, so a customer never rescans events that are not
 * theirs. A cursor the feed never gave ({@code after} past its newest) or one whose successors were purged is refused.
 */
public final class ReadChanges {
    /** At most this many cursors are looked through for a customer in one read, however few of them are theirs. */
    static final long CUSTOMER_SCAN = 5_000;

    public static final int MAX_LIMIT = 1_000;

    public record Command(Actor actor, OptionalLong after, int limit) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(after, "after");
            if (after.isPresent() && after.getAsLong() < 0) {
                throw ValidationFailed.of("after", "must be a cursor this feed gave");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ValidationFailed.of("limit", "must be from 1 to " + MAX_LIMIT);
            }
        }
    }

    /** The items read, in cursor order, and the cursor to read on from. */
    public record Changes(List<FeedItem> items, long nextCursor) {
        public Changes {
            items = List.copyOf(items);
        }
    }

    private final ChangeFeed feed;
    private final TransactionRunner transactions;

    public ReadChanges(ChangeFeed feed, TransactionRunner transactions) {
        this.feed = feed;
        this.transactions = transactions;
    }

    /**
     * Where a live stream starts (docs/live-events.md): after {@code after} while the feed still holds everything that
     * follows it; otherwise (a cursor expired or never given) a reset to the newest cursor, from which the reader, having
     * reloaded what it shows, follows on. Without {@code after}, at the newest cursor: only what happens from now.
     */
    public record Start(long cursor, boolean reset) {}

    public Changes handle(Command command) {
        Actor actor = command.actor();
        return transactions.inTransaction(actor.tenant(), () -> {
            Bounds bounds = bounds(actor);
            long after = command.after().orElse(bounds.beforeOldestKept());
            if (after > bounds.newest()) {
                throw ValidationFailed.of("after", "is not a cursor of this feed");
            }
            if (after < bounds.beforeOldestKept()) {
                throw ValidationFailed.of(
                        "after",
                        "has expired: the events after it are no longer kept; read again without after, from cursor "
                                + bounds.beforeOldestKept());
            }
            return read(actor, after, bounds.newest(), command.limit());
        });
    }

    /** Where a live stream of {@code actor} resuming after {@code after} (if given) starts. */
    public Start start(Actor actor, OptionalLong after) {
        return transactions.inTransaction(actor.tenant(), () -> {
            Bounds bounds = bounds(actor);
            if (after.isEmpty()) {
                return new Start(bounds.newest(), false);
            }
            long from = after.getAsLong();
            boolean kept = from >= bounds.beforeOldestKept() && from <= bounds.newest();
            return kept ? new Start(from, false) : new Start(bounds.newest(), true);
        });
    }

    /**
     * The newest cursor, read first: every event up to it is committed, so nothing at or below it can appear later; and
     * the cursor just before the oldest kept.
     */
    private record Bounds(long newest, long beforeOldestKept) {}

    private Bounds bounds(Actor actor) {
        long newest = feed.newest(actor.tenant());
        return new Bounds(newest, feed.oldestKept(actor.tenant()).orElse(newest + 1) - 1);
    }

    private Changes read(Actor actor, long after, long newest, int limit) {
        List<FeedItem> items;
        long upTo;
        if (actor instanceof StaffActor) {
            upTo = newest;
            items = feed.between(actor.tenant(), after, upTo, limit).stream()
                    .map(FeedItem::forStaff)
                    .toList();
        } else if (actor instanceof CustomerActor customer) {
            upTo = Math.min(newest, after + CUSTOMER_SCAN);
            items = feed.betweenForCustomer(customer, after, upTo, limit).stream()
                    .map(FeedItem::forCustomer)
                    .toList();
        } else {
            throw new IllegalArgumentException("the system reads no feed");
        }
        long next = items.size() < limit ? upTo : items.get(items.size() - 1).cursor();
        return new Changes(items, next);
    }
}
