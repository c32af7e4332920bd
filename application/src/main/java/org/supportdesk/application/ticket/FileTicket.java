package org.supportdesk.application.ticket;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.attachment.AttachmentLinks;
import org.supportdesk.application.work.CustomerViews;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TicketNumbers;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.CustomerTicketView;

/**
 * A customer files a ticket through the portal (§9), with the files they uploaded for it and perhaps a screenshot
 * (§3 {@code context}), or by writing to the support address (source {@code email}); they read it back through their
 * own view, which the filing answers from what it wrote rather than by reading the ticket back.
 */
public final class FileTicket {
    /** The sources a customer files through themselves. */
    public static final EnumSet<TicketSource> CUSTOMER_SOURCES = EnumSet.of(TicketSource.PORTAL, TicketSource.EMAIL);

    public record Command(
            CustomerActor actor,
            Subject subject,
            Description description,
            Category category,
            Priority priority,
            PortalContext context,
            Optional<TicketId> followUpOf,
            List<AttachmentId> attachments,
            Optional<ArticleId> relatedArticle,
            TicketSource source) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(followUpOf, "followUpOf");
            attachments = List.copyOf(attachments);
            Objects.requireNonNull(relatedArticle, "relatedArticle");
            if (!CUSTOMER_SOURCES.contains(source)) {
                throw new IllegalArgumentException("customers file through the portal or by email, not " + source);
            }
        }

        /** A filing through the portal. */
        public Command(
                CustomerActor actor,
                Subject subject,
                Description description,
                Category category,
                Priority priority,
                PortalContext context,
                Optional<TicketId> followUpOf,
                List<AttachmentId> attachments,
                Optional<ArticleId> relatedArticle) {
            this(
                    actor,
                    subject,
                    description,
                    category,
                    priority,
                    context,
                    followUpOf,
                    attachments,
                    relatedArticle,
                    TicketSource.PORTAL);
        }

        /** A filing without attachments that names no related article. */
        public Command(
                CustomerActor actor,
                Subject subject,
                Description description,
                Category category,
                Priority priority,
                PortalContext context,
                Optional<TicketId> followUpOf) {
            this(actor, subject, description, category, priority, context, followUpOf, List.of(), Optional.empty());
        }
    }

    private final TicketChanges changes;
    private final People people;
    private final TicketFiling filing;
    private final AttachmentLinks links;
    private final CustomerViews views;

    public FileTicket(
            TicketChanges changes,
            TicketRepository tickets,
            TicketNumbers numbers,
            People people,
            TenantConfiguration configuration,
            SlaSettings slaSettings,
            AttachmentLinks links,
            KnowledgeBase knowledgeBase,
            CustomerViews views) {
        this.changes = changes;
        this.people = people;
        this.links = links;
        this.views = views;
        this.filing = new TicketFiling(changes, tickets, numbers, configuration, slaSettings, knowledgeBase);
    }

    public CustomerTicketView handle(Command command) {
        CustomerActor actor = command.actor();
        return changes.inTransaction(actor, () -> {
            Person requester = people.person(actor.tenant(), actor.id())
                    .orElseThrow(() -> new IllegalStateException("the acting customer is not stored: " + actor.id()));
            AttachmentLinks.Claim claim =
                    links.claim(actor, command.attachments(), command.context().screenshot());
            TicketState filed = filing.file(
                    actor,
                    requester,
                    new TicketFiling.Content(
                            command.subject(),
                            command.description(),
                            command.category(),
                            command.priority(),
                            command.source(),
                            command.context(),
                            CustomFields.EMPTY,
                            command.followUpOf(),
                            command.relatedArticle()));
            List<Attachment> linked = links.attach(claim, filed.id(), Optional.empty());
            return views.ofFiled(actor, filed, requester.name(), linked);
        });
    }
}
