package org.supportdesk.adapter.http.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.adapter.http.AttachmentTransfer.AttachmentResponse;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.visibility.AttachmentView;

/**
 * A message as staff see it (§17): author {id, name, role}, kind, body, via, resolution mark, time, its files, and the
 * rule that placed it when it arrived by mail (§16; staff only, never in a customer's view).
 */
public record MessageResponse(
        String id,
        Author author,
        String kind,
        boolean customerVisible,
        String body,
        String via,
        boolean isResolution,
        Instant createdAt,
        List<AttachmentResponse> attachments,
        String emailRule) {

    /** Who wrote it; the system has neither id nor role. */
    public record Author(Optional<String> id, String name, String role) {}

    /** The message with those of {@code attachments} (a ticket's, or its own) that were posted with it. */
    static MessageResponse of(Message m, List<Attachment> attachments, Optional<MailRule> emailRule) {
        return new MessageResponse(
                m.id().toString(),
                new Author(
                        m.author().id().map(Object::toString),
                        m.author().name(),
                        m.author().role().map(Role::wireName).orElse("system")),
                m.kind().wireName(),
                m.customerVisible(),
                m.body().value(),
                m.via().wireName(),
                m.resolution(),
                m.createdAt(),
                attachments.stream()
                        .filter(a -> a.belongsTo(m.id()))
                        .map(a -> AttachmentResponse.of(AttachmentView.of(a)))
                        .toList(),
                emailRule.map(MailRule::wireName).orElse(null));
    }
}
