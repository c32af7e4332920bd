package org.supportdesk.application.notify;

import java.util.Objects;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.UserId;

/**
 * A customer or staff member reads their own in-app notifications (§9 {@code GET /portal/notifications}, §10 {@code
 * GET /notifications}), newest first, all or only the unread ones, with how many are unread.
 */
public final class ListNotifications {
    public record Command(Actor actor, boolean unreadOnly, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(page, "page");
            Recipients.of(actor);
        }
    }

    /** One page of the actor's notifications, and how many of all of them are unread. */
    public record Listed(Page<Notification> page, long unreadCount) {
        public Listed {
            Objects.requireNonNull(page, "page");
        }
    }

    private final Notifications notifications;
    private final TransactionRunner transactions;

    public ListNotifications(Notifications notifications, TransactionRunner transactions) {
        this.notifications = notifications;
        this.transactions = transactions;
    }

    public Listed handle(Command command) {
        Actor actor = command.actor();
        UserId recipient = Recipients.of(actor);
        return transactions.inTransaction(
                actor.tenant(),
                () -> new Listed(
                        notifications.list(actor.tenant(), recipient, command.unreadOnly(), command.page()),
                        notifications.unreadCount(actor.tenant(), recipient)));
    }
}
