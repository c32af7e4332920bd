package org.supportdesk.domain.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.UserId;

/** What a ticket is filed with; identity, number and SLA versions are decided by the caller's ports. */
public record NewTicket(
        TicketId id,
        TicketNumber number,
        Subject subject,
        Description description,
        Category category,
        Priority priority,
        UserId requester,
        Optional<OrganizationId> organization,
        TicketSource source,
        PortalContext context,
        CustomFields customFields,
        Optional<TicketId> followUpOf,
        int policyVersion,
        int calendarVersion,
        Optional<ArticleId> relatedArticle) {
    public NewTicket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(customFields, "customFields");
        Objects.requireNonNull(followUpOf, "followUpOf");
        Objects.requireNonNull(relatedArticle, "relatedArticle");
    }

    /** A ticket that names no related article. */
    public NewTicket(
            TicketId id,
            TicketNumber number,
            Subject subject,
            Description description,
            Category category,
            Priority priority,
            UserId requester,
            Optional<OrganizationId> organization,
            TicketSource source,
            PortalContext context,
            CustomFields customFields,
            Optional<TicketId> followUpOf,
            int policyVersion,
            int calendarVersion) {
        this(
                id,
                number,
                subject,
                description,
                category,
                priority,
                requester,
                organization,
                source,
                context,
                customFields,
                followUpOf,
                policyVersion,
                calendarVersion,
                Optional.empty());
    }
}
