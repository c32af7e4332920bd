package org.supportdesk.application.ticket;

import java.time.ZoneOffset;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TicketNumbers;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.ticket.ChangeContext;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.NewTicket;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.visibility.TicketAccess;

/** What filing a ticket means, whoever files it: tenant rules checked, a number taken, the ticket recorded. */
final class TicketFiling {
    private final TicketChanges changes;
    private final TicketRepository tickets;
    private final TicketNumbers numbers;
    private final TenantConfiguration configuration;
    private final SlaSettings slaSettings;
    private final RelatedArticles relatedArticles;

    TicketFiling(
            TicketChanges changes,
            TicketRepository tickets,
            TicketNumbers numbers,
            TenantConfiguration configuration,
            SlaSettings slaSettings,
            KnowledgeBase knowledgeBase) {
        this.changes = changes;
        this.tickets = tickets;
        this.numbers = numbers;
        this.configuration = configuration;
        this.slaSettings = slaSettings;
        this.relatedArticles = new RelatedArticles(knowledgeBase);
    }

    /** What the ticket says, apart from who asks for it. */
    record Content(
            Subject subject,
            Description description,
            Category category,
            Priority priority,
            TicketSource source,
            PortalContext context,
            CustomFields customFields,
            Optional<TicketId> followUpOf,
            Optional<ArticleId> relatedArticle) {}

    /** Files in the caller's transaction; {@code requester} is the customer the ticket is for. */
    TicketState file(Actor actor, Person requester, Content content) {
        if (!configuration.settings(actor.tenant()).offers(content.category())) {
            throw ValidationFailed.of("category", "is not one of the tenant's categories");
        }
        content.followUpOf().ifPresent(previous -> requireFollowUpTarget(actor, requester, previous));
        content.relatedArticle().ifPresent(article -> relatedArticles.requireNameable(actor, article));
        ChangeContext context = changes.contextFor(actor);
        int year = context.at().atZone(ZoneOffset.UTC).getYear();
        SlaSettings.CurrentVersions sla = slaSettings.currentVersions(actor.tenant());
        NewTicket spec = new NewTicket(
                new TicketId(changes.newId()),
                numbers.next(actor.tenant(), year),
                content.subject(),
                content.description(),
                content.category(),
                content.priority(),
                requester.id(),
                requester.organization(),
                content.source(),
                content.context(),
                content.customFields(),
                content.followUpOf(),
                sla.policy(),
                sla.calendar(),
                content.relatedArticle());
        Ticket ticket = Ticket.file(spec, context);
        changes.record(ticket);
        return ticket.state();
    }

    /** A follow-up continues a resolved or closed ticket of the same requester that the actor can see. */
    private void requireFollowUpTarget(Actor actor, Person requester, TicketId previous) {
        boolean valid = tickets.find(actor.tenant(), previous)
                .map(Ticket::state)
                .filter(t -> TicketAccess.canSee(actor, t))
                .filter(t -> t.requester().equals(requester.id()))
                .filter(t -> t.status() == TicketStatus.RESOLVED || t.status() == TicketStatus.CLOSED)
                .isPresent();
        if (!valid) {
            throw ValidationFailed.of("follow_up_of", "must be a resolved or closed ticket of the same requester");
        }
    }
}
