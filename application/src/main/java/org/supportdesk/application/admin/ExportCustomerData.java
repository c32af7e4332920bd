package org.supportdesk.application.admin;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
 * parts agree with each other, and handed to a {@link Sink} one item at a time as the store reads them a page at a
 * time, so a customer with years of tickets is exported in the memory of one page, whatever the heap.
 */
public final class ExportCustomerData {
    public record Command(StaffActor actor, UserId customer) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** Where the export goes, part by part in this order; called on the caller's thread inside its transaction. */
    public interface Sink {
        /** Once, before anything else: the instant the export reads as of, the customer and their organisation. */
        void begin(Instant asOf, Person person, Optional<Organization> organization);

        /** Each ticket they requested, oldest first, as they see it. */
        void ticket(CustomerTicketView ticket);

        /** Each of their call-back requests, newest first, after every ticket. */
        void call(CustomerCallView call);

        /** Each of their in-app notifications, newest first, after every call. */
        void notification(Notification notification);
    }

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

    public void handle(Command command, Sink sink) {
        var tenant = command.actor().tenant();
        work.asAdmin(command.actor(), "export a person's data", () -> {
            Person person = people.person(tenant, command.customer())
                    .filter(p -> p.role() == Role.CUSTOMER)
                    .orElseThrow(() -> new NotFound("Person not found"));
            Optional<Organization> organization = person.organization().flatMap(id -> people.organization(tenant, id));
            CustomerActor customer = CustomerActor.of(person, organization);
            sink.begin(clock.instant(), person, organization);
            TicketFilter requested =
                    TicketFilter.builder().requester(Optional.of(person.id())).build();
            eachOf(
                    page -> queries.list(tenant, requested, OLDEST_FIRST, page),
                    listed -> sink.ticket(views.of(customer, listed.ticket())));
            CallFilter theirCalls = new CallFilter(
                    Optional.of(person.id()), Set.of(), CallFilter.ALL.assignee(), Optional.empty(), Optional.empty());
            eachOf(
                    page -> calls.list(tenant, theirCalls, CallRequests.Order.NEWEST_FIRST, page),
                    call -> sink.call(CustomerCallView.of(call)));
            eachOf(page -> notifications.list(tenant, person.id(), false, page), sink::notification);
            return null;
        });
    }

    /** Hands every row of a paged list to {@code each}, a page at a time. */
    private static <T> void eachOf(Function<PageRequest, Page<T>> list, Consumer<T> each) {
        for (int number = 1; ; number++) {
            PageRequest request = PageRequest.ofTickets(number, BATCH);
            Page<T> page = list.apply(request);
            page.items().forEach(each);
            if (!request.hasPageAfter(page.total())) {
                return;
            }
        }
    }
}
