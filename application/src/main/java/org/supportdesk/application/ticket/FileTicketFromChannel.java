package org.supportdesk.application.ticket;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
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
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;

/**
 * A customer's message arriving through a channel (§14: Telegram) files a ticket as that customer, who chose no
 * category or priority: the ticket gets the tenant's {@code other} category (else its first by name) and the default
 * priority, for staff to triage. Runs in the caller's transaction when one is open.
 */
public final class FileTicketFromChannel {
    /** The channels through which customers write in. */
    public static final EnumSet<TicketSource> CHANNEL_SOURCES = EnumSet.of(TicketSource.TELEGRAM, TicketSource.EMAIL);

    private static final Category FALLBACK_CATEGORY = new Category("other");

    public record Command(
            CustomerActor actor,
            Subject subject,
            Description description,
            TicketSource source,
            Optional<TicketId> followUpOf) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(followUpOf, "followUpOf");
            if (!CHANNEL_SOURCES.contains(source)) {
                throw new IllegalArgumentException("not a channel customers write in through: " + source);
            }
        }
    }

    private final TicketChanges changes;
    private final People people;
    private final TenantConfiguration configuration;
    private final TicketFiling filing;

    public FileTicketFromChannel(
            TicketChanges changes,
            TicketRepository tickets,
            TicketNumbers numbers,
            People people,
            TenantConfiguration configuration,
            SlaSettings slaSettings,
            KnowledgeBase knowledgeBase) {
        this.changes = changes;
        this.people = people;
        this.configuration = configuration;
        this.filing = new TicketFiling(changes, tickets, numbers, configuration, slaSettings, knowledgeBase);
    }

    public TicketState handle(Command command) {
        CustomerActor actor = command.actor();
        return changes.inTransaction(actor, () -> {
            Person requester = people.person(actor.tenant(), actor.id())
                    .orElseThrow(() -> new IllegalStateException("the acting customer is not stored: " + actor.id()));
            return filing.file(
                    actor,
                    requester,
                    new TicketFiling.Content(
                            command.subject(),
                            command.description(),
                            category(actor),
                            Priority.DEFAULT,
                            command.source(),
                            PortalContext.NONE,
                            CustomFields.EMPTY,
                            command.followUpOf(),
                            Optional.<ArticleId>empty()));
        });
    }

    private Category category(CustomerActor actor) {
        var offered = configuration.settings(actor.tenant()).categories();
        if (offered.contains(FALLBACK_CATEGORY)) {
            return FALLBACK_CATEGORY;
        }
        return offered.stream()
                .min(Comparator.comparing(Category::value))
                .orElseThrow(() -> new IllegalStateException("a tenant always offers a category"));
    }
}
