package org.supportdesk.application.notify;

import java.time.InstantSource;
import java.util.Objects;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Actor;

/** Marks every unread notification of the actor's read (§9, §10 {@code POST …/notifications/read-all}). */
public final class ReadAllNotifications {
    public record Command(Actor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Recipients.of(actor);
        }
    }

    private final Notifications notifications;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public ReadAllNotifications(Notifications notifications, TransactionRunner transactions, InstantSource clock) {
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How many notifications this call marked read; 0 when all were read already. */
    public int handle(Command command) {
        Actor actor = command.actor();
        return transactions.inTransaction(
                actor.tenant(), () -> notifications.markAllRead(actor.tenant(), Recipients.of(actor), clock.instant()));
    }
}
