package org.supportdesk.domain.attachment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * Where an upload ended up: on a ticket, filed with it ({@code message} empty: the filing's attachments and its
 * screenshot) or on one of its messages.
 */
public record AttachmentLink(TicketId ticket, Optional<MessageId> message, Instant linkedAt) {
    public AttachmentLink {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
