package org.supportdesk.application.notify;

import java.time.InstantSource;
import java.util.Objects;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.NotificationNotFound;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Actor;

/**
 * Marks one of the actor's own notifications read (§9, §10 {@code POST …/notifications/{id}/read}). Idempotent: one
 * already read keeps its first time. Someone else's notification, another tenant's and a missing id are all {@link
 * NotificationNotFound}, alike.
 */
public final class ReadNotification {
    public record Command(Actor actor, NotificationId notification) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(notification, "notification");
            Recipients.of(actor);
        }
    }

    private final Notifications notifications;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public ReadNotification(Notifications notifications, TransactionRunner transactions, InstantSource clock) {
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The notification as stored after marking. */
    public Notification handle(Command command) {
        Actor actor = command.actor();
        return transactions.inTransaction(actor.tenant(), () -> notifications
                .markRead(actor.tenant(), Recipients.of(actor), command.notification(), clock.instant())
                .orElseThrow(NotificationNotFound::new));
    }
}
