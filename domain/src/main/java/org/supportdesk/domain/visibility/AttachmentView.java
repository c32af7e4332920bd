package org.supportdesk.domain.visibility;

import java.util.Objects;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.attachment.AttachmentType;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.attachment.FileName;
import org.supportdesk.domain.ticket.AttachmentId;

/**
 * What anyone who may fetch an attachment learns of it: its id, name, sniffed type, size and SHA-256; never who
 * uploaded it or where it is stored.
 */
public record AttachmentView(AttachmentId id, FileName fileName, AttachmentType type, long size, ContentDigest digest) {
    public AttachmentView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(digest, "digest");
    }

    public static AttachmentView of(Attachment attachment) {
        return new AttachmentView(
                attachment.id(), attachment.fileName(), attachment.type(), attachment.size(), attachment.digest());
    }
}
