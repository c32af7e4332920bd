package org.supportdesk.adapter.http.portal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.adapter.http.AttachmentTransfer.AttachmentResponse;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.visibility.CustomerMessageView;
import org.supportdesk.domain.visibility.CustomerTicketView;

/**
 * A ticket as its customer sees it (§8), built only from {@link CustomerTicketView}: it has no field for internal
 * notes, assignee, tags, escalation or SLA internals. {@code messages} and {@code attachments} (the files filed with
 * the ticket; each message lists its own) only on the detail; {@code related_article} only while the article is
 * published.
 */
public record PortalTicketResponse(
        String id,
        String number,
        String subject,
        String description,
        String category,
        String priority,
        String status,
        Requester requester,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> resolvedAt,
        Optional<Instant> closedAt,
        int messagesCount,
        Optional<Instant> lastMessageAt,
        Optional<List<Message>> messages,
        Optional<List<AttachmentResponse>> attachments,
        Optional<Feedback> feedback,
        Optional<String> relatedArticle,
        Optional<String> mergedInto) {

    /** Who asked. */
    public record Requester(String id, String name) {}

    /** A public reply or public system message; staff appear by display name only. */
    public record Message(
            String id,
            Author author,
            String kind,
            String body,
            String via,
            boolean isResolution,
            Instant createdAt,
            List<AttachmentResponse> attachments) {}

    /** The requester's rating of the ticket (§9). */
    public record Feedback(int rating, Optional<String> comment, Instant givenAt) {}

    /** A message's author as customers see it. */
    public record Author(String name, String role) {}

    public static PortalTicketResponse of(CustomerTicketView v, boolean withMessages) {
        return new PortalTicketResponse(
                v.id().toString(),
                v.number().toString(),
                v.subject().value(),
                v.description().value(),
                v.category().value(),
                v.priority().wireName(),
                v.status().wireName(),
                new Requester(v.requester().toString(), v.requesterName()),
                v.createdAt(),
                v.updatedAt(),
                v.resolvedAt(),
                v.closedAt(),
                v.messagesCount(),
                v.lastMessageAt(),
                withMessages
                        ? Optional.of(v.messages().stream()
                                .map(PortalTicketResponse::message)
                                .collect(Collectors.toList()))
                        : Optional.empty(),
                withMessages ? Optional.of(AttachmentResponse.of(v.attachments())) : Optional.empty(),
                v.feedback().map(PortalTicketResponse::feedback),
                v.relatedArticle().map(Object::toString),
                v.mergedInto().map(Object::toString));
    }

    static Feedback feedback(org.supportdesk.domain.ticket.Feedback f) {
        return new Feedback(f.rating().value(), f.comment(), f.givenAt());
    }

    static Message message(CustomerMessageView m) {
        return new Message(
                m.id().toString(),
                new Author(m.authorName(), m.authorRole().map(Role::wireName).orElse("system")),
                m.kind().wireName(),
                m.body().value(),
                m.via().wireName(),
                m.resolution(),
                m.createdAt(),
                AttachmentResponse.of(m.attachments()));
    }
}
