package org.supportdesk.domain.port;

import java.util.List;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;

/**
 * A way of telling people (§13): webhooks and email today, Telegram later. The dispatcher knows channels only through
 * this port: a new channel is a new implementation, and the dispatcher does not change.
 */
public interface NotificationChannel {
    /** The channel's name as stored with its deliveries ({@code webhook}, {@code email}, later {@code telegram}). */
    String name();

    /**
     * The deliveries this channel owes for {@code intent}: one per recipient, each with its own stable dedup key, or
     * none. Called inside the transaction of the intent's tenant that stores them and marks the intent handed over,
     * so the channel may read the tenant's stores. It must honour the intent's audiences: nothing internal to a
     * customer.
     *
     * @param newId fresh ids for the deliveries
     */
    List<Delivery> deliveriesFor(NotificationIntent intent, IdGenerator newId);

    /**
     * Makes one attempt at {@code delivery}, outside any transaction, in bounded time: answers what came of it and
     * never throws for a failure of the peer.
     */
    DeliveryOutcome send(Delivery delivery);
}
