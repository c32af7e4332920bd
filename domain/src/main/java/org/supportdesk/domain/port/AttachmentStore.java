package org.supportdesk.domain.port;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.attachment.PayloadTooLarge;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The bytes of attachments (§6), kept per tenant and addressed by their SHA-256, so the same bytes uploaded twice in a
 * tenant are stored once. What is known about each file is in {@link Attachments}; this store never sees a file name.
 *
 * <p>The bytes are not transactional. {@link #stage} runs outside any transaction, on purpose: streaming an upload
 * from a slow client must not hold a database transaction open. Every other method acts for the tenant it names
 * inside a transaction of that tenant ({@link TransactionRunner}), like every other store; the core calls
 * {@link #keep} and {@link #remove} holding {@link Attachments#lockContent} for the digest, so an upload and a removal
 * of the same bytes never interleave.
 */
public interface AttachmentStore {
    /**
     * Copies {@code content} to a staging place of {@code tenant}, counting and hashing it as it streams, never holding
     * it in memory. Reads {@code content} to its end unless it is too large; does not close it.
     *
     * @param maxBytes the most bytes accepted: the copy stops as soon as one more is read
     * @throws PayloadTooLarge when {@code content} has more than {@code maxBytes} bytes; nothing staged remains
     * @throws UncheckedIOException when reading or writing fails; nothing staged remains
     */
    StagedContent stage(TenantId tenant, InputStream content, long maxBytes);

    /**
     * Moves staged content to its permanent place, named by its digest, atomically: a reader sees either nothing or
     * all of it. Keeping bytes that are stored already leaves them as they are. The staged content is gone afterwards.
     */
    void keep(StagedContent staged);

    /** The stored bytes of {@code digest} in {@code tenant}, to read and close; empty when there are none. */
    Optional<InputStream> open(TenantId tenant, ContentDigest digest);

    /** Removes the stored bytes of {@code digest} in {@code tenant}; nothing happens when there are none. */
    void remove(TenantId tenant, ContentDigest digest);

    /**
     * Removes what staging left behind before {@code cutoff} in {@code tenant}: uploads a crash interrupted before
     * they were kept or discarded. Answers how many it removed.
     */
    int discardStagedBefore(TenantId tenant, Instant cutoff);
}
