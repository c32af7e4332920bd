package org.supportdesk.domain.attachment;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * What is known of one uploaded file (§6): who uploaded it and when, its sanitised name, the type sniffed from its
 * bytes, its size and SHA-256 (which address its bytes), and, once it is linked, the ticket or message it belongs to.
 * An upload nobody links within {@link #UNLINKED_RETENTION} is removed.
 */
public record Attachment(
        AttachmentId id,
        TenantId tenant,
        UserId uploader,
        FileName fileName,
        AttachmentType type,
        long size,
        ContentDigest digest,
        Instant uploadedAt,
        Optional<AttachmentLink> link) {
    /** How long an upload waits to be linked before it is removed. */
    public static final Duration UNLINKED_RETENTION = Duration.ofHours(24);

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(uploader, "uploader");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(link, "link");
        if (size < 0) {
            throw new IllegalArgumentException("a size is never negative");
        }
    }

    public boolean isLinked() {
        return link.isPresent();
    }

    /** Whether {@code actor} uploaded it: the only person who may see or link it before it is linked. */
    public boolean uploadedBy(Actor actor) {
        return actor.tenant().equals(tenant)
                && actor.asAuthor().id().map(uploader::equals).orElse(false);
    }

    /** Whether it is an upload of {@code actor}'s that may still be linked at {@code now}. */
    public boolean linkableBy(Actor actor, Instant now) {
        return !isLinked() && uploadedBy(actor) && now.isBefore(uploadedAt.plus(UNLINKED_RETENTION));
    }

    /** Whether it belongs to {@code message}. */
    public boolean belongsTo(MessageId message) {
        return link.flatMap(AttachmentLink::message).map(message::equals).orElse(false);
    }

    /** Whether it was filed with its ticket rather than posted with a message. */
    public boolean filedWithTicket() {
        return link.isPresent() && link.get().message().isEmpty();
    }

    /** This upload linked to {@code ticket} (and {@code message}, if any) at {@code at}. */
    public Attachment linkedTo(TicketId ticket, Optional<MessageId> message, Instant at) {
        if (isLinked()) {
            throw new IllegalStateException("attachment " + id + " is linked already");
        }
        return new Attachment(
                id,
                tenant,
                uploader,
                fileName,
                type,
                size,
                digest,
                uploadedAt,
                Optional.of(new AttachmentLink(ticket, message, at)));
    }
}
