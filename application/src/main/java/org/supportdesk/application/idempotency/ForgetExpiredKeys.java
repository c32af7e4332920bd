package org.supportdesk.application.idempotency;

import java.time.InstantSource;
import java.util.Objects;
import org.supportdesk.domain.port.IdempotencyRecords;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Deletes idempotency records past their {@link RunOnce#RETENTION}: they can no longer be replayed, and each keeps a
 * whole response body (a ticket, a person) that has no business outliving its purpose.
 */
public final class ForgetExpiredKeys {
    public record Command(TenantId tenant, int batchSize) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive");
            }
        }
    }

    private final IdempotencyRecords records;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public ForgetExpiredKeys(IdempotencyRecords records, TransactionRunner transactions, InstantSource clock) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Answers how many records were deleted, at most the batch size. */
    public int handle(Command command) {
        return transactions.inTransaction(
                command.tenant(),
                () -> records.removeCreatedBefore(
                        command.tenant(), clock.instant().minus(RunOnce.RETENTION), command.batchSize()));
    }
}
