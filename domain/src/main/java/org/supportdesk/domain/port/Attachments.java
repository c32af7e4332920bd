package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.attachment.AttachmentLink;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * What is known about each attachment (§6): uploader, time, name, sniffed type, size, digest and where it is linked;
 * the bytes are in {@link AttachmentStore}. Every method is scoped to the tenant it names (an attachment of another
 * tenant is never found) and is called inside a transaction of that tenant, which it joins ({@link TransactionRunner}).
 */
public interface Attachments {
    /** Records a new, unlinked upload. */
    void add(Attachment attachment);

    /** The attachment of {@code tenant} with that id; empty when there is none in this tenant. */
    Optional<Attachment> find(TenantId tenant, AttachmentId id);

    /**
     * Links the upload {@code id} of {@code tenant} to a ticket or message, only if it is still unlinked. Of two
     * transactions linking the same upload, the second waits for the first and then finds it linked.
     *
     * @return whether this call linked it; false when it is missing or linked already
     */
    boolean link(TenantId tenant, AttachmentId id, AttachmentLink link);

    /** Every attachment linked to {@code ticket} of {@code tenant} (filed with it or posted with its messages). */
    List<Attachment> ofTicket(TenantId tenant, TicketId ticket);

    /** The files attached to {@code messages} go with them to the ticket {@code to} (a split). */
    void moveWithMessages(TenantId tenant, List<MessageId> messages, TicketId to);

    /** Uploads of {@code tenant} still unlinked that were uploaded before {@code cutoff}, oldest first, at most {@code limit}. */
    List<Attachment> unlinkedBefore(TenantId tenant, Instant cutoff, int limit);

    /**
     * Forgets the upload {@code id} of {@code tenant} if it is still unlinked. Waits for a transaction linking it, and
     * then leaves it.
     *
     * @return whether this call removed it; false when it is missing or linked
     */
    boolean removeUnlinked(TenantId tenant, AttachmentId id);

    /** Whether any attachment of {@code tenant} still has the bytes of {@code digest}. */
    boolean contentInUse(TenantId tenant, ContentDigest digest);

    /**
     * Holds, until the surrounding transaction ends, the one lock on the bytes of {@code digest} in {@code tenant}: an
     * upload keeping such bytes and a removal checking whether they are still in use take it, so a removal never
     * deletes bytes a concurrent upload just recorded. Waits while another transaction holds it.
     */
    void lockContent(TenantId tenant, ContentDigest digest);
}
