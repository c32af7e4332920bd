package org.supportdesk.domain.ticket;

import java.util.Objects;
import java.util.UUID;

/**
 * An uploaded file's identity. It lives beside the ticket because a ticket's filing context names its screenshot by it,
 * as messages are named by {@link MessageId}; the rest of the attachment model is in the {@code attachment} package.
 */
public record AttachmentId(UUID value) {
    public AttachmentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
