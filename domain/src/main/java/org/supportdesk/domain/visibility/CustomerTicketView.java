package org.supportdesk.domain.visibility;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.digest.Digests;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Feedback;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * What a customer sees of a ticket (§8). It has no field for what customers must not see (assignee, tags,
 * escalation, SLA internals, custom fields, internal messages), so none can leak through it. {@code attachments} are
 * the files filed with the ticket; each message carries its own. {@code feedback} is the requester's own rating, shown
 * to whoever may see the ticket (the requester, and organisation-mates of a shared organisation, who see the ticket's
 * conversation too). {@code relatedArticle} is the ticket's related knowledge-base article only while that article is
 * published. {@code mergedInto} names the ticket this one is merged into (§16), while it is.
 */
public record CustomerTicketView(
        TicketId id,
        TicketNumber number,
        Subject subject,
        Description description,
        Category category,
        Priority priority,
        TicketStatus status,
        UserId requester,
        String requesterName,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> resolvedAt,
        Optional<Instant> closedAt,
        int messagesCount,
        Optional<Instant> lastMessageAt,
        List<CustomerMessageView> messages,
        List<AttachmentView> attachments,
        Optional<Feedback> feedback,
        Optional<ArticleId> relatedArticle,
        Optional<TicketId> mergedInto) {
    public CustomerTicketView {
        messages = List.copyOf(messages);
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(relatedArticle, "relatedArticle");
        Objects.requireNonNull(mergedInto, "mergedInto");
    }

    /**
     * A digest of everything this view shows, for the customer's ETag: it changes exactly when what they see changes,
     * and tells nothing of internal activity (the ticket's version also counts internal notes and assignments).
     */
    public String revision() {
        Canonical seen = new Canonical()
                .add(id.value())
                .add(number)
                .add(subject.value())
                .add(description.value())
                .add(category.value())
                .add(priority.wireName())
                .add(status.wireName())
                .add(requester.value())
                .add(requesterName)
                .add(createdAt)
                .add(updatedAt)
                .add(resolvedAt)
                .add(closedAt)
                .add(messagesCount)
                .add(lastMessageAt)
                .add(relatedArticle)
                .add(mergedInto.map(TicketId::value));
        for (CustomerMessageView message : messages) {
            seen.add(message.id().value())
                    .add(message.authorName())
                    .add(message.authorRole().map(Role::wireName))
                    .add(message.kind().wireName())
                    .add(message.body().value())
                    .add(message.via().wireName())
                    .add(message.resolution())
                    .add(message.createdAt());
            message.attachments().forEach(file -> add(seen, file));
        }
        attachments.forEach(file -> add(seen, file));
        seen.add(feedback.map(f -> f.rating().value()))
                .add(feedback.flatMap(Feedback::comment))
                .add(feedback.map(Feedback::givenAt));
        return Digests.sha256Hex(seen.toString()).substring(0, 32);
    }

    private static void add(Canonical seen, AttachmentView file) {
        seen.add(file.id().value())
                .add(file.fileName().value())
                .add(file.type().mediaType())
                .add(file.size())
                .add(file.digest().hex());
    }

    /** Each value prefixed with its length, so two different views never read the same, whatever their text. */
    private static final class Canonical {
        private final StringBuilder text = new StringBuilder();

        Canonical add(Object value) {
            String shown = value instanceof Optional<?> optional
                    ? optional.map(String::valueOf).orElse("")
                    : String.valueOf(value);
            text.append(shown.length()).append(':').append(shown);
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
