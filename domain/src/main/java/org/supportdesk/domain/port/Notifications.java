package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * The in-app notifications of each tenant, one per recipient (§9, §10; docs/adr/0013). Every method is scoped to one
 * tenant and, where it reads or marks, to one recipient: someone else's notification is never found, listed, counted
 * or marked. Every method is called inside a transaction of the tenant it names, and joins it ({@link
 * TransactionRunner}), so notifications are written with the change that owes them or not at all.
 */
public interface Notifications {
    /** Stores new notifications, all of {@code tenant}. */
    void add(TenantId tenant, List<Notification> notifications);

    /**
     * One page of {@code recipient}'s notifications (only the unread ones if {@code unreadOnly}), newest first (the id,
     * descending, breaks ties), and the exact total.
     */
    Page<Notification> list(TenantId tenant, UserId recipient, boolean unreadOnly, PageRequest page);

    /** How many of {@code recipient}'s notifications are unread. */
    long unreadCount(TenantId tenant, UserId recipient);

    /**
     * Marks {@code recipient}'s notification {@code id} read at {@code at}, unless it already is (it keeps its first
     * time), and answers it as stored; empty when {@code recipient} has no notification with that id.
     */
    Optional<Notification> markRead(TenantId tenant, UserId recipient, NotificationId id, Instant at);

    /** Marks every unread notification of {@code recipient} read at {@code at}; answers how many it marked. */
    int markAllRead(TenantId tenant, UserId recipient, Instant at);

    /**
     * Deletes up to {@code limit} notifications of {@code tenant} created before {@code readBefore} and read, or created
     * before {@code anyBefore} whether read or not; answers how many it deleted.
     */
    int purge(TenantId tenant, Instant readBefore, Instant anyBefore, int limit);
}
