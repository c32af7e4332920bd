package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.attachment.AttachmentLink;
import org.supportdesk.domain.attachment.AttachmentType;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.attachment.FileName;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/** An {@code attachments} row; public because JDBI binds public accessors only. */
public record AttachmentRow(
        UUID tenantId,
        UUID id,
        UUID uploadedBy,
        Instant uploadedAt,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        UUID ticketId,
        UUID messageId,
        Instant linkedAt) {

    static AttachmentRow from(Attachment a) {
        Optional<AttachmentLink> link = a.link();
        return new AttachmentRow(
                a.tenant().value(),
                a.id().value(),
                a.uploader().value(),
                a.uploadedAt(),
                a.fileName().value(),
                a.type().mediaType(),
                a.size(),
                a.digest().hex(),
                link.map(l -> l.ticket().value()).orElse(null),
                link.flatMap(AttachmentLink::message).map(MessageId::value).orElse(null),
                link.map(AttachmentLink::linkedAt).orElse(null));
    }

    Attachment toDomain() {
        return new Attachment(
                new AttachmentId(id),
                new TenantId(tenantId),
                new UserId(uploadedBy),
                new FileName(fileName),
                AttachmentType.ofMediaType(contentType)
                        .orElseThrow(
                                () -> new IllegalStateException("a stored type off the allow-list: " + contentType)),
                sizeBytes,
                new ContentDigest(sha256),
                uploadedAt,
                Optional.ofNullable(ticketId)
                        .map(ticket -> new AttachmentLink(
                                new TicketId(ticket),
                                Optional.ofNullable(messageId).map(MessageId::new),
                                linkedAt)));
    }
}
