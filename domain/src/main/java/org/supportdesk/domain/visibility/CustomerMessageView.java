package org.supportdesk.domain.visibility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.Via;

/**
 * What a customer sees of a public reply or public system message: the author's display name, not their id, and the
 * files posted with it.
 */
public record CustomerMessageView(
        MessageId id,
        String authorName,
        Optional<Role> authorRole,
        MessageKind kind,
        Body body,
        Via via,
        boolean resolution,
        Instant createdAt,
        List<AttachmentView> attachments) {
    public CustomerMessageView {
        attachments = List.copyOf(attachments);
        if (kind == MessageKind.INTERNAL) {
            throw new IllegalArgumentException("internal notes have no customer view");
        }
    }
}
