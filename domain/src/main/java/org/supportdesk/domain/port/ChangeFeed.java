package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.supportdesk.domain.feed.ChangeEvent;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Each tenant's change feed (§16): a gap-free sequence of events in commit order. Appending takes the tenant's next
 * cursor inside the surrounding transaction and holds it until that transaction ends, so no reader ever sees cursor
 * {@code n + 1} before {@code n}, and a rolled-back change leaves neither its event nor a hole (docs/adr/0017).
 */
public interface ChangeFeed {
    /** Appends {@code event} in the surrounding transaction; answers it with its cursor. */
    ChangeEvent append(ChangeEvent event);

    /**
     * Appends {@code events}, all of one tenant, in the surrounding transaction and in their order, under consecutive
     * cursors; answers them with their cursors. For a store that can take all the cursors at once (one round trip for
     * a change with several events).
     */
    default List<ChangeEvent> appendAll(List<ChangeEvent> events) {
        return events.stream().map(this::append).toList();
    }

    /** Up to {@code limit} events of {@code tenant} with cursors in ({@code after}, {@code upTo}], in cursor order. */
    List<ChangeEvent> between(TenantId tenant, long after, long upTo, int limit);

    /**
     * Up to {@code limit} events with cursors in ({@code after}, {@code upTo}] that {@code customer} may be told of, in
     * cursor order: events with customer data of tickets that are theirs ({@code TicketAccess.isTheirs}: deleted ones
     * too, for the tombstone), and events about them alone.
     */
    List<ChangeEvent> betweenForCustomer(CustomerActor customer, long after, long upTo, int limit);

    /**
     * The newest committed cursor of {@code tenant}'s feed, 0 when it has none: every event up to it is committed and
     * readable, since a cursor is taken and held in order.
     */
    long newest(TenantId tenant);

    /** The oldest cursor still kept, if any event is kept. */
    OptionalLong oldestKept(TenantId tenant);

    /** Forgets the events of {@code tenant} older than {@code before}; answers how many. */
    int purgeOlderThan(TenantId tenant, Instant before);
}
