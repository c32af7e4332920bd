package org.supportdesk.application.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Retention of in-app notifications (docs/notifications.md): deletes those read and created more than {@link
 * #READ_RETENTION} ago, and any created more than {@link #UNREAD_RETENTION} ago, read or not, so a recipient who never
 * reads cannot grow the table without bound.
 */
public final class PurgeOldNotifications {
    public static final Duration READ_RETENTION = Duration.ofDays(90);
    public static final Duration UNREAD_RETENTION = Duration.ofDays(365);

    public record Command(TenantId tenant, int batchSize) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive");
            }
        }
    }

    private final Notifications notifications;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public PurgeOldNotifications(Notifications notifications, TransactionRunner transactions, InstantSource clock) {
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Answers how many notifications were deleted, at most the batch size. */
    public int handle(Command command) {
        Instant now = clock.instant();
        return transactions.inTransaction(
                command.tenant(),
                () -> notifications.purge(
                        command.tenant(), now.minus(READ_RETENTION), now.minus(UNREAD_RETENTION), command.batchSize()));
    }
}
