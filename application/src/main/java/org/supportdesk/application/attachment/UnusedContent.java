package org.supportdesk.application.attachment;

import java.util.Collection;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Removes attachment bytes that no attachment has any more, once the transaction that let go of them has committed:
 * the bytes are not transactional, so removing them earlier would lose them to a commit that then fails. Each digest is
 * checked in a transaction of its own under the lock on its bytes, so an upload of the same bytes meanwhile keeps them.
 * A crash between the commit and the removal leaves a file no row names, as a failed upload can (ADR 0007), never a
 * row without its bytes. Called outside any transaction: inside one, the removal would join it and precede its commit.
 */
public final class UnusedContent {
    private final Attachments attachments;
    private final AttachmentStore files;
    private final TransactionRunner transactions;

    public UnusedContent(Attachments attachments, AttachmentStore files, TransactionRunner transactions) {
        this.attachments = attachments;
        this.files = files;
        this.transactions = transactions;
    }

    /** Removes the bytes of each of {@code released} that no attachment of {@code tenant} has. */
    public void remove(TenantId tenant, Collection<ContentDigest> released) {
        for (ContentDigest digest : released) {
            transactions.inTransaction(tenant, () -> {
                attachments.lockContent(tenant, digest);
                if (!attachments.contentInUse(tenant, digest)) {
                    files.remove(tenant, digest);
                }
                return null;
            });
        }
    }
}
