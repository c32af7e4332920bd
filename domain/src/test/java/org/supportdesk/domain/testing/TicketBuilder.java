package org.supportdesk.domain.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Escalation;
import org.supportdesk.domain.ticket.Feedback;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.SlaTimes;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * Builds a stored ticket in any state: {@code aTicket().in(tenant).requestedBy(customer).withStatus(RESOLVED).build()}.
 *
 * <p>Defaults: tenant {@link Fixtures#TENANT}, requested by {@link Fixtures#customer}, number {@code TKT-2026-000042},
 * status {@code new}, priority {@code medium}, category {@code bug}, created at {@link Changes#T0}, version 1. A
 * {@code resolved} ticket is resolved an hour after creation and a {@code closed} one closed an hour after creation,
 * unless told otherwise, so the state is one the aggregate could have reached.
 */
public final class TicketBuilder {
    private Optional<TicketId> id = Optional.empty();
    private TenantId tenant = Fixtures.TENANT;
    private TicketNumber number = new TicketNumber(2026, 42);
    private Subject subject = new Subject("Printer on fire");
    private Description description = new Description("Smoke comes out of the second-floor printer.");
    private Category category = new Category("bug");
    private Priority priority = Priority.DEFAULT;
    private TicketStatus status = TicketStatus.NEW;
    private Optional<UserId> requester = Optional.empty();
    private Optional<OrganizationId> organization = Optional.empty();
    private Optional<UserId> assignee = Optional.empty();
    private Optional<Instant> assignedAt = Optional.empty();
    private Tags tags = Tags.NONE;
    private TicketSource source = TicketSource.PORTAL;
    private PortalContext context = PortalContext.NONE;
    private CustomFields customFields = CustomFields.EMPTY;
    private Optional<TicketId> followUpOf = Optional.empty();
    private Optional<ArticleId> relatedArticle = Optional.empty();
    private Optional<Escalation> escalation = Optional.empty();
    private Optional<Instant> firstRespondedAt = Optional.empty();
    private Optional<Instant> resolvedAt = Optional.empty();
    private Optional<Instant> closedAt = Optional.empty();
    private Instant createdAt = Changes.T0;
    private Optional<Instant> updatedAt = Optional.empty();
    private Optional<Instant> lastMessageAt = Optional.empty();
    private int messagesCount;
    private Optional<Instant> deletedAt = Optional.empty();
    private Optional<Feedback> feedback = Optional.empty();
    private long version = 1;

    private TicketBuilder() {}

    public static TicketBuilder aTicket() {
        return new TicketBuilder();
    }

    public TicketBuilder withId(TicketId id) {
        this.id = Optional.of(id);
        return this;
    }

    public TicketBuilder in(TenantId tenant) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        return this;
    }

    /** The requester, their tenant and their organisation. */
    public TicketBuilder requestedBy(Person customer) {
        this.tenant = customer.tenant();
        this.requester = Optional.of(customer.id());
        this.organization = customer.organization();
        return this;
    }

    public TicketBuilder numbered(TicketNumber number) {
        this.number = number;
        return this;
    }

    public TicketBuilder withSubject(String subject) {
        this.subject = new Subject(subject);
        return this;
    }

    public TicketBuilder withCategory(String category) {
        this.category = new Category(category);
        return this;
    }

    public TicketBuilder withPriority(Priority priority) {
        this.priority = priority;
        return this;
    }

    public TicketBuilder withStatus(TicketStatus status) {
        this.status = Objects.requireNonNull(status, "status");
        return this;
    }

    /** Also sets the status to {@code resolved} unless it is {@code closed}. */
    public TicketBuilder resolvedAt(Instant at) {
        this.resolvedAt = Optional.of(at);
        if (status != TicketStatus.CLOSED) {
            status = TicketStatus.RESOLVED;
        }
        return this;
    }

    /** Also sets the status to {@code closed}. */
    public TicketBuilder closedAt(Instant at) {
        this.closedAt = Optional.of(at);
        this.status = TicketStatus.CLOSED;
        return this;
    }

    public TicketBuilder firstRespondedAt(Instant at) {
        this.firstRespondedAt = Optional.of(at);
        return this;
    }

    /** Assigned to {@code staff} when the ticket was created. */
    public TicketBuilder assignedTo(Person staff) {
        return assignedTo(staff, createdAt);
    }

    public TicketBuilder assignedTo(Person staff, Instant at) {
        this.assignee = Optional.of(staff.id());
        this.assignedAt = Optional.of(at);
        return this;
    }

    public TicketBuilder withTags(String... tags) {
        this.tags = Tags.of(List.of(tags));
        return this;
    }

    public TicketBuilder withCustomFields(String json) {
        this.customFields = new CustomFields(json);
        return this;
    }

    public TicketBuilder withSource(TicketSource source) {
        this.source = source;
        return this;
    }

    public TicketBuilder followUpOf(TicketId previous) {
        this.followUpOf = Optional.of(previous);
        return this;
    }

    public TicketBuilder relatedArticle(ArticleId article) {
        this.relatedArticle = Optional.of(article);
        return this;
    }

    public TicketBuilder escalated(String reason) {
        this.escalation = Optional.of(new Escalation(createdAt, reason));
        return this;
    }

    public TicketBuilder createdAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    public TicketBuilder updatedAt(Instant at) {
        this.updatedAt = Optional.of(at);
        return this;
    }

    /** Bookkeeping as if {@code count} messages were posted, the last at {@code last}. */
    public TicketBuilder withMessages(int count, Instant last) {
        this.messagesCount = count;
        this.lastMessageAt = Optional.of(last);
        return this;
    }

    public TicketBuilder deletedAt(Instant at) {
        this.deletedAt = Optional.of(at);
        return this;
    }

    /** Rated by its requester; the caller sets a status that allows it (resolved or closed). */
    public TicketBuilder ratedWith(Feedback feedback) {
        this.feedback = Optional.of(feedback);
        return this;
    }

    public TicketBuilder atVersion(long version) {
        this.version = version;
        return this;
    }

    /** The snapshot, as a repository would hand it to {@link Ticket#restore}. */
    public TicketState state() {
        Instant anHourIn = createdAt.plus(Duration.ofHours(1));
        Optional<Instant> resolved =
                resolvedAt.isPresent() || status != TicketStatus.RESOLVED ? resolvedAt : Optional.of(anHourIn);
        Optional<Instant> closed =
                closedAt.isPresent() || status != TicketStatus.CLOSED ? closedAt : Optional.of(anHourIn);
        Instant updated = updatedAt.orElseGet(() -> latest(createdAt, resolved, closed, lastMessageAt, assignedAt));
        UserId requesterId = requester.orElseGet(() -> Fixtures.customer(tenant).id());
        return new TicketState(
                id.orElseGet(this::defaultId),
                tenant,
                number,
                subject,
                description,
                category,
                priority,
                status,
                requesterId,
                organization,
                assignee,
                assignedAt,
                tags,
                source,
                context,
                customFields,
                followUpOf,
                relatedArticle,
                escalation,
                new SlaTimes(
                        1,
                        1,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        firstRespondedAt,
                        resolved,
                        closed),
                feedback,
                createdAt,
                updated,
                updated,
                lastMessageAt,
                messagesCount,
                deletedAt,
                Optional.empty(),
                version);
    }

    /** The ticket restored from {@link #state()}. */
    public Ticket build() {
        return Ticket.restore(state());
    }

    private TicketId defaultId() {
        return new TicketId(
                UUID.nameUUIDFromBytes(("ticket:" + tenant + "/" + number).getBytes(StandardCharsets.UTF_8)));
    }

    @SafeVarargs
    private static Instant latest(Instant first, Optional<Instant>... others) {
        Instant latest = first;
        for (Optional<Instant> other : others) {
            if (other.isPresent() && other.get().isAfter(latest)) {
                latest = other.get();
            }
        }
        return latest;
    }
}
