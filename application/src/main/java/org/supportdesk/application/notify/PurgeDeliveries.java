package org.supportdesk.application.notify;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Forgets sent and parked deliveries, and intents handed to the channels, once they are older than the retention
 * period (the server setting {@code SUPPORTDESK_OUTBOX_RETENTION_DAYS}); answers how many rows went.
 */
public final class PurgeDeliveries {
    public record Command(TenantId tenant, Duration retention, int batchSize) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(retention, "retention");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
        }
    }

    private final Deliveries deliveries;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public PurgeDeliveries(Deliveries deliveries, TransactionRunner transactions, InstantSource clock) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
    }

    public int handle(Command command) {
        return transactions.inTransaction(
                command.tenant(),
                () -> deliveries.purge(
                        command.tenant(), clock.instant().minus(command.retention()), command.batchSize()));
    }
}
