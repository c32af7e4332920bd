package org.supportdesk.application.feed;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.supportdesk.domain.port.ChangeFeed;
import org.supportdesk.domain.port.StreamTickets;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The change feed's retention (docs/live-events.md): a tenant's events older than the retention period (a server
 * setting) are forgotten, after which a reader resuming from before them is told to start again ({@code 400} on the
 * feed, a {@code reset} event on a stream); expired stream tickets go too.
 */
public final class PurgeOldChanges {
    public record Command(TenantId tenant, Duration retention) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("a retention period is positive");
            }
        }
    }

    private final ChangeFeed feed;
    private final StreamTickets tickets;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public PurgeOldChanges(
            ChangeFeed feed, StreamTickets tickets, TransactionRunner transactions, InstantSource clock) {
        this.feed = feed;
        this.tickets = tickets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Answers how many events were forgotten. */
    public int handle(Command command) {
        TenantId tenant = command.tenant();
        return transactions.inTransaction(tenant, () -> {
            tickets.purgeExpired(tenant, clock.instant());
            return feed.purgeOlderThan(tenant, clock.instant().minus(command.retention()));
        });
    }
}
