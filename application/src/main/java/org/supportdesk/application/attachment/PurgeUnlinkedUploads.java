package org.supportdesk.application.attachment;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Removes a tenant's uploads that nobody linked within {@link Attachment#UNLINKED_RETENTION} (§6), and their bytes
 * when no other attachment has the same ones; once a run has no more of them, also what crashed uploads left in
 * staging. Each upload goes in its own transaction, so one linked meanwhile stays, and its bytes only after that
 * committed ({@link UnusedContent}).
 */
public final class PurgeUnlinkedUploads {
    public record Command(TenantId tenant, int batchSize) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive");
            }
        }
    }

    private final Attachments attachments;
    private final AttachmentStore files;
    private final UnusedContent unusedContent;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public PurgeUnlinkedUploads(
            Attachments attachments,
            AttachmentStore files,
            UnusedContent unusedContent,
            TransactionRunner transactions,
            InstantSource clock) {
        this.attachments = attachments;
        this.files = files;
        this.unusedContent = unusedContent;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Answers how many uploads it removed. */
    public int handle(Command command) {
        TenantId tenant = command.tenant();
        Instant cutoff = clock.instant().minus(Attachment.UNLINKED_RETENTION);
        List<Attachment> expired = transactions.inTransaction(
                tenant, () -> attachments.unlinkedBefore(tenant, cutoff, command.batchSize()));
        int removed = 0;
        for (Attachment upload : expired) {
            // false when linked (or removed) meanwhile
            if (transactions.inTransaction(tenant, () -> attachments.removeUnlinked(tenant, upload.id()))) {
                unusedContent.remove(tenant, List.of(upload.digest()));
                removed++;
            }
        }
        if (expired.size() < command.batchSize()) {
            transactions.inTransaction(tenant, () -> files.discardStagedBefore(tenant, cutoff));
        }
        return removed;
    }
}
