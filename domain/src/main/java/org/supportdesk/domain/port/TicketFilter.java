package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

    public static final TicketFilter ALL = new TicketFilter(
            Optional.empty(),
            Set.of(),
            Set.of(),
            Set.of(),
            AssigneeFilter.ANY,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

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
        text = Objects.requireNonNull(text, "text").map(String::strip).filter(t -> !t.isEmpty());
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
        return new TicketFilter(
                Optional.of(viewer),
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
