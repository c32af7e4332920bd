package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.ChangeContext;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * Staff change several things of a ticket at once (§10 PATCH): fields first, then the assignee, then the status, all
 * in one unit of work. Values equal to the current ones are no change; a request that changes nothing is refused.
 */
public final class UpdateTicket {
    /** A requested assignee: a person, or nobody (unassign). */
    public record Assignment(Optional<UserId> assignee) {
        public Assignment {
            Objects.requireNonNull(assignee, "assignee");
        }
    }

    /** A requested related article: an article of the tenant, or none. */
    public record ArticleLink(Optional<ArticleId> article) {
        public ArticleLink {
            Objects.requireNonNull(article, "article");
        }
    }

    /** Each absent component leaves that part of the ticket alone. */
    public record Command(
            StaffActor actor,
            TicketRef ticket,
            Optional<Subject> subject,
            Optional<Priority> priority,
            Optional<Category> category,
            Optional<Tags> tags,
            Optional<CustomFields> customFields,
            Optional<Assignment> assignment,
            Optional<TicketStatus> status,
            Optional<Long> expectedVersion,
            Optional<ArticleLink> relatedArticle) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(tags, "tags");
            Objects.requireNonNull(customFields, "customFields");
            Objects.requireNonNull(assignment, "assignment");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
            Objects.requireNonNull(relatedArticle, "relatedArticle");
        }

        /** A change that leaves the related article alone. */
        public Command(
                StaffActor actor,
                TicketRef ticket,
                Optional<Subject> subject,
                Optional<Priority> priority,
                Optional<Category> category,
                Optional<Tags> tags,
                Optional<CustomFields> customFields,
                Optional<Assignment> assignment,
                Optional<TicketStatus> status,
                Optional<Long> expectedVersion) {
            this(
                    actor,
                    ticket,
                    subject,
                    priority,
                    category,
                    tags,
                    customFields,
                    assignment,
                    status,
                    expectedVersion,
                    Optional.empty());
        }
    }

    private final TicketChanges changes;
    private final People people;
    private final TenantConfiguration configuration;
    private final RelatedArticles relatedArticles;

    public UpdateTicket(
            TicketChanges changes, People people, TenantConfiguration configuration, KnowledgeBase knowledgeBase) {
        this.changes = changes;
        this.people = people;
        this.configuration = configuration;
        this.relatedArticles = new RelatedArticles(knowledgeBase);
    }

    public ChangedTicket handle(Command command) {
        return changes.changeForStaff(
                command.actor(), command.ticket(), command.expectedVersion(), (ticket, context) -> {
                    // Inside the unit of work: the tenant's categories are only visible in a transaction bound to it.
                    command.category().ifPresent(category -> {
                        if (!configuration.settings(command.actor().tenant()).offers(category)) {
                            throw ValidationFailed.of("category", "is not one of the tenant's categories");
                        }
                    });
                    TicketChanges.requireChanged(apply(command, ticket, context), ticket);
                });
    }

    /** Staff may name any article of the tenant; the requester sees the change when either article is published. */
    private boolean relateArticle(StaffActor actor, Ticket ticket, ArticleLink link, ChangeContext context) {
        link.article().ifPresent(article -> relatedArticles.requireNameable(actor, article));
        Optional<ArticleId> before = ticket.state().relatedArticle();
        if (before.equals(link.article())) {
            return false;
        }
        boolean requesterSees = relatedArticles.requesterSeesChange(actor.tenant(), before, link.article());
        return ticket.relateArticle(link.article(), requesterSees, context);
    }

    private boolean apply(Command command, Ticket ticket, ChangeContext context) {
        boolean changed = false;
        // Evaluate each change even after one succeeded: '|' not '||'.
        changed |= command.subject().map(s -> ticket.changeSubject(s, context)).orElse(false);
        changed |=
                command.priority().map(p -> ticket.changePriority(p, context)).orElse(false);
        changed |=
                command.category().map(c -> ticket.changeCategory(c, context)).orElse(false);
        changed |= command.tags().map(t -> ticket.replaceTags(t, context)).orElse(false);
        changed |= command.customFields()
                .map(f -> ticket.changeCustomFields(f, context))
                .orElse(false);
        changed |= command.relatedArticle()
                .map(link -> relateArticle(command.actor(), ticket, link, context))
                .orElse(false);
        changed |= command.assignment()
                .map(a -> ticket.assign(
                        AssignTicket.resolve(people, command.actor().tenant(), a.assignee()), context))
                .orElse(false);
        changed |= command.status()
                .map(s -> ticket.changeStatus(s, Optional.empty(), context))
                .orElse(false);
        return changed;
    }
}
