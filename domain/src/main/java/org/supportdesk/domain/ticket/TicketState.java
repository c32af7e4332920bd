package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * A snapshot of every field of a ticket (§3): the only way a ticket leaves the aggregate ({@link Ticket#state()}) or
 * comes back ({@link Ticket#restore(TicketState)}). The SLA due times and breach instants are a cache of the SLA
 * calculation, which can always rebuild them. {@code updatedAt} moves on every change; {@code customerUpdatedAt} only on
 * changes the requester can see (§8), so an internal note or an assignment tells a customer nothing. {@code
 * relatedArticle} is the knowledge-base article the ticket names (§3), whatever its status; customers see it only
 * while it is published. {@code mergedInto} is set while the ticket is merged into another (§16).
 */
public record TicketState(
        TicketId id,
        TenantId tenant,
        TicketNumber number,
        Subject subject,
        Description description,
        Category category,
        Priority priority,
        TicketStatus status,
        UserId requester,
        Optional<OrganizationId> organization,
        Optional<UserId> assignee,
        Optional<Instant> assignedAt,
        Tags tags,
        TicketSource source,
        PortalContext context,
        CustomFields customFields,
        Optional<TicketId> followUpOf,
        Optional<ArticleId> relatedArticle,
        Optional<Escalation> escalation,
        SlaTimes sla,
        Optional<Feedback> feedback,
        Instant createdAt,
        Instant updatedAt,
        Instant customerUpdatedAt,
        Optional<Instant> lastMessageAt,
        int messagesCount,
        Optional<Instant> deletedAt,
        Optional<MergedInto> mergedInto,
        long version) {

    public TicketState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(assignedAt, "assignedAt");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(customFields, "customFields");
        Objects.requireNonNull(followUpOf, "followUpOf");
        Objects.requireNonNull(relatedArticle, "relatedArticle");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(customerUpdatedAt, "customerUpdatedAt");
        Objects.requireNonNull(lastMessageAt, "lastMessageAt");
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(mergedInto, "mergedInto");
        if (assignee.isPresent() != assignedAt.isPresent()) {
            throw new IllegalArgumentException("assigned_at is set exactly when there is an assignee");
        }
        if (mergedInto.isPresent() && status != TicketStatus.CLOSED) {
            throw new IllegalArgumentException("a merged ticket is closed");
        }
        if (messagesCount < 0 || version < 1) {
            throw new IllegalArgumentException("messages_count is never negative and version starts at 1");
        }
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    public boolean isEscalated() {
        return escalation.isPresent();
    }

    /** Whether the requester has rated the ticket (§9 feedback). */
    public boolean isRated() {
        return feedback.isPresent();
    }
}
