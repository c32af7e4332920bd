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

    public Changes handle(Command command) {
        Actor actor = command.actor();
        return transactions.inTransaction(actor.tenant(), () -> {
            // Read first: every event up to it is committed, so nothing below it can appear later.
            long newest = feed.newest(actor.tenant());
            long beforeOldestKept = feed.oldestKept(actor.tenant()).orElse(newest + 1) - 1;
            long after = command.after().orElse(beforeOldestKept);
            if (after > newest) {
                throw ValidationFailed.of("after", "is not a cursor of this feed");
            }
            if (after < beforeOldestKept) {
                throw ValidationFailed.of(
                        "after",
                        "has expired: the events after it are no longer kept; read again without after, from cursor "
                                + beforeOldestKept);
            }
            return read(actor, after, newest, command.limit());
        });
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
