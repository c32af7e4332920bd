package org.supportdesk.application.ticket;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.attachment.AttachmentLinks;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TicketNumbers;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Staff file a ticket on behalf of a customer (§10), named by id or by email; an unknown email becomes a new customer
 * without a password.
 */
public final class FileTicketForCustomer {
    /** The sources staff can record for a ticket they file. */
    public static final EnumSet<TicketSource> STAFF_SOURCES =
            EnumSet.of(TicketSource.PHONE, TicketSource.EMAIL, TicketSource.API);

    /** The customer a ticket is for: an existing customer's id, or an email (and a name for a new customer). */
    public record Requester(Optional<UserId> id, Optional<Email> email, Optional<String> name) {
        public Requester {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(name, "name");
            if (id.isPresent() == email.isPresent()) {
                throw ValidationFailed.of("requester", "give either requester_id or requester.email");
            }
        }

        public static Requester byId(UserId id) {
            return new Requester(Optional.of(id), Optional.empty(), Optional.empty());
        }

        public static Requester byEmail(Email email, Optional<String> name) {
            return new Requester(Optional.empty(), Optional.of(email), name);
        }
    }

    public record Command(
            StaffActor actor,
            Requester requester,
            Subject subject,
            Description description,
            Category category,
            Priority priority,
            TicketSource source,
            CustomFields customFields,
            Optional<TicketId> followUpOf,
            List<AttachmentId> attachments,
            Optional<ArticleId> relatedArticle) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(customFields, "customFields");
            Objects.requireNonNull(followUpOf, "followUpOf");
            Objects.requireNonNull(relatedArticle, "relatedArticle");
            if (!STAFF_SOURCES.contains(source)) {
                throw ValidationFailed.of("source", "must be phone, email or api");
            }
            attachments = List.copyOf(attachments);
        }

        /** A filing without attachments that names no related article. */
        public Command(
                StaffActor actor,
                Requester requester,
                Subject subject,
                Description description,
                Category category,
                Priority priority,
                TicketSource source,
                CustomFields customFields,
                Optional<TicketId> followUpOf) {
            this(
                    actor,
                    requester,
                    subject,
                    description,
                    category,
                    priority,
                    source,
                    customFields,
                    followUpOf,
                    List.of(),
                    Optional.empty());
        }
    }

    private final TicketChanges changes;
    private final People people;
    private final AdminWork work;
    private final TicketFiling filing;
    private final AttachmentLinks links;

    public FileTicketForCustomer(
            TicketChanges changes,
            TicketRepository tickets,
            TicketNumbers numbers,
            People people,
            TenantConfiguration configuration,
            SlaSettings slaSettings,
            AdminWork work,
            AttachmentLinks links,
            KnowledgeBase knowledgeBase) {
        this.changes = changes;
        this.links = links;
        this.people = people;
        this.work = work;
        this.filing = new TicketFiling(changes, tickets, numbers, configuration, slaSettings, knowledgeBase);
    }

    public ChangedTicket handle(Command command) {
        StaffActor actor = command.actor();
        return changes.inTransaction(actor, () -> {
            AttachmentLinks.Claim claim = links.claim(actor, command.attachments(), Optional.empty());
            Person requester = requester(actor, command.requester());
            TicketState filed = filing.file(
                    actor,
                    requester,
                    new TicketFiling.Content(
                            command.subject(),
                            command.description(),
                            command.category(),
                            command.priority(),
                            command.source(),
                            PortalContext.NONE,
                            command.customFields(),
                            command.followUpOf(),
                            command.relatedArticle()));
            links.attach(claim, filed.id(), Optional.empty());
            return new ChangedTicket(filed, requester.name());
        });
    }

    private Person requester(StaffActor actor, Requester requester) {
        if (requester.id().isPresent()) {
            return people.person(actor.tenant(), requester.id().get())
                    .filter(p -> p.role() == Role.CUSTOMER)
                    .orElseThrow(() -> ValidationFailed.of("requester_id", "must be a customer of the tenant"));
        }
        Email email = requester.email().orElseThrow();
        Optional<Person> known = people.personByEmail(actor.tenant(), email);
        if (known.isPresent()) {
            return known.filter(p -> p.role() == Role.CUSTOMER)
                    .orElseThrow(() -> ValidationFailed.of("requester.email", "belongs to staff, not a customer"));
        }
        return createCustomer(actor, email, requester.name().orElse(email.value()));
    }

    private Person createCustomer(StaffActor actor, Email email, String name) {
        Person customer = new Person(
                new UserId(work.newId()), actor.tenant(), email, name, Role.CUSTOMER, Optional.empty(), true);
        people.add(customer);
        work.recordPersonCreated(actor, customer);
        return customer;
    }
}
