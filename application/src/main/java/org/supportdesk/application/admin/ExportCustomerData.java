package org.supportdesk.application.admin;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.application.work.CustomerViews;
import org.supportdesk.domain.call.CustomerCallView;
import org.supportdesk.domain.port.CallFilter;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.visibility.CustomerTicketView;

/**
 * An admin exports everything the tenant holds about one customer (§16 privacy, a person's right to a copy): their
 * profile and organisation, every ticket they requested as they see it (the conversation without internal notes, the
 * files, their feedback), their call-back requests and their in-app notifications. Read in one transaction, so the
 * parts agree with each other.
 */
public final class ExportCustomerData {
    public record Command(StaffActor actor, UserId customer) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** What the tenant holds about the customer, and when it was read. */
    public record Export(
            Instant exportedAt,
            Person person,
            Optional<Organization> organization,
            List<CustomerTicketView> tickets,
            List<CustomerCallView> calls,
            List<Notification> notifications) {}

    private static final int BATCH = PageRequest.MAX_TICKET_LIMIT;
    private static final TicketSort OLDEST_FIRST = new TicketSort(TicketSort.Key.CREATED, false);

    private final AdminWork work;
    private final People people;
    private final TicketQueries queries;
    private final CustomerViews views;
    private final CallRequests calls;
    private final Notifications notifications;
    private final InstantSource clock;

    public ExportCustomerData(
            AdminWork work,
            People people,
            TicketQueries queries,
            CustomerViews views,
            CallRequests calls,
            Notifications notifications,
            InstantSource clock) {
        this.work = work;
        this.people = people;
        this.queries = queries;
        this.views = views;
        this.calls = calls;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Export handle(Command command) {
        var tenant = command.actor().tenant();
        return work.asAdmin(command.actor(), "export a person's data", () -> {
            Person person = people.person(tenant, command.customer())
                    .filter(p -> p.role() == Role.CUSTOMER)
                    .orElseThrow(() -> new NotFound("Person not found"));
            Optional<Organization> organization = person.organization().flatMap(id -> people.organization(tenant, id));
            CustomerActor customer = CustomerActor.of(person, organization);
            TicketFilter requested =
                    TicketFilter.builder().requester(Optional.of(person.id())).build();
            List<CustomerTicketView> own =
                    everyPage(page -> queries.list(tenant, requested, OLDEST_FIRST, page)).stream()
                            .map(listed -> views.of(customer, listed.ticket()))
                            .toList();
            CallFilter theirCalls = new CallFilter(
                    Optional.of(person.id()), Set.of(), CallFilter.ALL.assignee(), Optional.empty(), Optional.empty());
            return new Export(
                    clock.instant(),
                    person,
                    organization,
                    own,
                    everyPage(page -> calls.list(tenant, theirCalls, CallRequests.Order.NEWEST_FIRST, page)).stream()
                            .map(CustomerCallView::of)
                            .toList(),
                    everyPage(page -> notifications.list(tenant, person.id(), false, page)));
        });
    }

    /** Every row of a paged list, a page at a time. */
    private static <T> List<T> everyPage(Function<PageRequest, Page<T>> list) {
        List<T> all = new ArrayList<>();
        for (int number = 1; ; number++) {
            PageRequest request = PageRequest.ofTickets(number, BATCH);
            Page<T> page = list.apply(request);
            all.addAll(page.items());
            if (!request.hasPageAfter(page.total())) {
                return all;
            }
        }
    }
}
