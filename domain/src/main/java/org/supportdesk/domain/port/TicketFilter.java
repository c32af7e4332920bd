package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The filters of the ticket list (§10); an empty set or absent value does not filter. {@code customer} narrows the
 * list to what that customer may see; {@code text} matches number, subject, description, requester name and email and
 * the message bodies the viewer may read. {@code createdFrom} is inclusive, {@code createdTo} exclusive.
 */
public record TicketFilter(
        Optional<CustomerActor> customer,
        Set<TicketStatus> statuses,
        Set<Priority> priorities,
        Set<Category> categories,
        AssigneeFilter assignee,
        Optional<String> tag,
        Optional<UserId> requester,
        Optional<OrganizationId> organization,
        Optional<Boolean> escalated,
        Optional<Boolean> slaBreached,
        Optional<Instant> createdFrom,
        Optional<Instant> createdTo,
        Optional<String> text) {
    /** Search text no person types; longer text only costs the database more to match. */
    public static final int MAX_TEXT_LENGTH = 200;

    public static final TicketFilter ALL = builder().build();

    public TicketFilter {
        Objects.requireNonNull(customer, "customer");
        statuses = Set.copyOf(statuses);
        priorities = Set.copyOf(priorities);
        categories = Set.copyOf(categories);
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(escalated, "escalated");
        Objects.requireNonNull(slaBreached, "slaBreached");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        text = Objects.requireNonNull(text, "text")
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .map(t -> Validation.trimmed("q", t, 1, MAX_TEXT_LENGTH));
        if (createdFrom.isPresent()
                && createdTo.isPresent()
                && !createdFrom.get().isBefore(createdTo.get())) {
            throw ValidationFailed.of("created_to", "must be after created_from");
        }
    }

    /** The filter for a customer's own list. */
    public static TicketFilter seenBy(CustomerActor customer) {
        return ALL.withCustomer(customer);
    }

    public TicketFilter withCustomer(CustomerActor viewer) {
        return toBuilder().customer(Optional.of(viewer)).build();
    }

    /** A filter that filters nothing yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this filter. */
    public Builder toBuilder() {
        return new Builder()
                .customer(customer)
                .statuses(statuses)
                .priorities(priorities)
                .categories(categories)
                .assignee(assignee)
                .tag(tag)
                .requester(requester)
                .organization(organization)
                .escalated(escalated)
                .slaBreached(slaBreached)
                .createdFrom(createdFrom)
                .createdTo(createdTo)
                .text(text);
    }

    /** Builds a filter one criterion at a time; whatever is not set does not filter. */
    public static final class Builder {
        private Optional<CustomerActor> customer = Optional.empty();
        private Set<TicketStatus> statuses = Set.of();
        private Set<Priority> priorities = Set.of();
        private Set<Category> categories = Set.of();
        private AssigneeFilter assignee = AssigneeFilter.ANY;
        private Optional<String> tag = Optional.empty();
        private Optional<UserId> requester = Optional.empty();
        private Optional<OrganizationId> organization = Optional.empty();
        private Optional<Boolean> escalated = Optional.empty();
        private Optional<Boolean> slaBreached = Optional.empty();
        private Optional<Instant> createdFrom = Optional.empty();
        private Optional<Instant> createdTo = Optional.empty();
        private Optional<String> text = Optional.empty();

        private Builder() {}

        public Builder customer(Optional<CustomerActor> value) {
            customer = value;
            return this;
        }

        public Builder statuses(Set<TicketStatus> value) {
            statuses = value;
            return this;
        }

        public Builder priorities(Set<Priority> value) {
            priorities = value;
            return this;
        }

        public Builder categories(Set<Category> value) {
            categories = value;
            return this;
        }

        public Builder assignee(AssigneeFilter value) {
            assignee = value;
            return this;
        }

        public Builder tag(Optional<String> value) {
            tag = value;
            return this;
        }

        public Builder requester(Optional<UserId> value) {
            requester = value;
            return this;
        }

        public Builder organization(Optional<OrganizationId> value) {
            organization = value;
            return this;
        }

        public Builder escalated(Optional<Boolean> value) {
            escalated = value;
            return this;
        }

        public Builder slaBreached(Optional<Boolean> value) {
            slaBreached = value;
            return this;
        }

        public Builder createdFrom(Optional<Instant> value) {
            createdFrom = value;
            return this;
        }

        public Builder createdTo(Optional<Instant> value) {
            createdTo = value;
            return this;
        }

        public Builder text(Optional<String> value) {
            text = value;
            return this;
        }

        public TicketFilter build() {
            return new TicketFilter(
                    customer,
                    statuses,
                    priorities,
                    categories,
                    assignee,
                    tag,
                    requester,
                    organization,
                    escalated,
                    slaBreached,
                    createdFrom,
                    createdTo,
                    text);
        }
    }

    /** Who a listed ticket is assigned to: anyone (no filter), nobody, or one person. */
    public record AssigneeFilter(Optional<UserId> person, boolean unassigned) {
        public static final AssigneeFilter ANY = new AssigneeFilter(Optional.empty(), false);
        public static final AssigneeFilter NONE = new AssigneeFilter(Optional.empty(), true);

        public AssigneeFilter {
            Objects.requireNonNull(person, "person");
            if (unassigned && person.isPresent()) {
                throw new IllegalArgumentException("either unassigned or one person");
            }
        }

        public static AssigneeFilter of(UserId person) {
            return new AssigneeFilter(Optional.of(person), false);
        }
    }
}
