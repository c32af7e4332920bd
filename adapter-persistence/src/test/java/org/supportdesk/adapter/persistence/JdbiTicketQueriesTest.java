package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.testing.MutableClock;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.SlaTimes;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/** The ticket list and search over PostgreSQL: each filter, sort, the customer scope, search and totals. */
@ExtendWith(PostgresExtension.class)
class JdbiTicketQueriesTest {
    private static final AtomicInteger TENANTS = new AtomicInteger();

    private final TestDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final TenantFixture acme;
    private final Desk desk;

    JdbiTicketQueriesTest(TestDatabase database) {
        this.database = database;
        this.acme = givenTenant("acme" + TENANTS.incrementAndGet());
        this.desk = Desk.overPostgres(database, new TimeOrderedIds(clock), clock);
    }

    private TenantFixture givenTenant(String name) {
        TenantFixture fixture = new TenantFixture(name);
        database.storeTenant(fixture, name, clock);
        return fixture;
    }

    // ---- search --------------------------------------------------------------------------------------------------

    @Test
    void finds_by_number_exactly_and_by_prefix_whatever_the_case() {
        List<TicketState> filed = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            filed.add(file(acme, acme.customer, "Ticket number " + i, "Nothing special"));
        }

        assertThat(ids(search("TKT-2026-000011"))).containsExactly(filed.get(10).id());
        assertThat(ids(search("tkt-2026-000011"))).containsExactly(filed.get(10).id());
        assertThat(ids(search("tkt-2026-00001")))
                .containsExactlyInAnyOrder(
                        filed.get(9).id(), filed.get(10).id(), filed.get(11).id());
        assertThat(search("TKT-2026-00000").total()).isEqualTo(9);
        assertThat(search("TKT-2026-0000").total()).isEqualTo(12);
    }

    @Test
    void finds_a_word_of_a_message_body() {
        TicketState quiet = file(acme, acme.customer, "Cannot print", "The printer is silent");
        file(acme, acme.customer, "Other", "Unrelated");
        reply(acme.agentActor(), quiet, "Please check the flux capacitor first");

        assertThat(ids(search("capacitor"))).containsExactly(quiet.id());
        assertThat(ids(search("FLUX"))).containsExactly(quiet.id());
    }

    @Test
    void finds_by_requester_email_and_name() {
        TicketState oscars = file(acme, acme.otherCustomer, "Billing", "Wrong amount");
        file(acme, acme.customer, "Login", "Forgot password");

        assertThat(ids(search(acme.otherCustomer.email().value()))).containsExactly(oscars.id());
        assertThat(ids(search("OSCAR@"))).containsExactly(oscars.id());
        assertThat(ids(search("osca"))).containsExactly(oscars.id());
    }

    @Test
    void search_text_is_bound_not_spliced() {
        file(acme, acme.customer, "Quote's here", "100% sure_about it");

        assertThat(search("' OR 1=1 --").total()).isZero();
        assertThat(search("%").total()).isZero();
        assertThat(search("_").total()).isZero();
        assertThat(search("100%").total()).isEqualTo(1);
    }

    @Test
    void customers_searches_never_match_internal_notes_or_internal_system_messages() {
        TicketState ticket = file(acme, acme.customer, "Slow dashboard", "It takes ages");
        note(ticket, "Suspect the xylophone cluster");
        desk.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.agentActor(), ticket.id(), Optional.of(acme.agent.id()), Optional.empty()));

        TicketFilter customers = TicketFilter.seenBy(acme.customerActor());
        assertThat(list(withText(customers, "xylophone")).total()).isZero();
        assertThat(ids(search("xylophone"))).containsExactly(ticket.id());
        boolean internalSystemMessage = messagesOf(ticket).stream()
                .anyMatch(m -> !m.customerVisible() && m.body().value().contains("Agnes"));
        assertThat(internalSystemMessage)
                .as("assignment leaves an internal system message naming Agnes")
                .isTrue();
        assertThat(list(withText(customers, "Agnes")).total()).isZero();
        assertThat(search("Agnes").total()).isEqualTo(1);
    }

    @Test
    void subject_hits_rank_above_description_hits_above_message_hits_ties_newest_first() {
        TicketState inSubject = file(acme, acme.customer, "Zebra crossing broken", "Nothing else");
        clock.advance(Duration.ofMinutes(1));
        TicketState inDescription = file(acme, acme.customer, "Animals", "A zebra escaped");
        clock.advance(Duration.ofMinutes(1));
        TicketState inMessage = file(acme, acme.customer, "Zoo", "Please help");
        reply(acme.agentActor(), inMessage, "Was it a zebra?");
        clock.advance(Duration.ofMinutes(1));
        TicketState alsoInSubject = file(acme, acme.customer, "Another zebra", "Stripes");
        clock.advance(Duration.ofMinutes(1));
        file(acme, acme.customer, "Unrelated", "Horse");

        Page<TicketListItem> ranked = desk.ports().transactions().inTransaction(acme.tenant, () -> desk.queries()
                .list(
                        acme.tenant,
                        withText(TicketFilter.ALL, "zebra"),
                        TicketSort.BEST_MATCH_FIRST,
                        PageRequest.ofTickets(1, 20)));
        assertThat(ids(ranked)).containsExactly(alsoInSubject.id(), inSubject.id(), inDescription.id(), inMessage.id());
    }

    // ---- scope ---------------------------------------------------------------------------------------------------

    @Test
    void another_tenants_tickets_never_appear() {
        TenantFixture globex = givenTenant("globex" + TENANTS.incrementAndGet());
        TicketState ours = file(acme, acme.customer, "Shared word quokka", "ours");
        file(globex, globex.customer, "Shared word quokka", "theirs");

        assertThat(ids(search("quokka"))).containsExactly(ours.id());
        assertThat(ids(list(TicketFilter.ALL))).containsExactly(ours.id());
        assertThatThrownBy(() -> desk.ports().transactions().inTransaction(globex.tenant, () -> desk.queries()
                        .list(acme.tenant, TicketFilter.ALL, TicketSort.NEWEST_FIRST, PageRequest.ofTickets(1, 20))))
                .as("a globex transaction may not even ask for acme's tickets (row-level security would hide them)")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bound to another tenant");
    }

    @Test
    void soft_deleted_tickets_never_appear() {
        TicketState kept = file(acme, acme.customer, "Keep walrus", "kept");
        TicketState deleted = file(acme, acme.customer, "Delete walrus", "deleted");
        desk.desk().deleteTicket().handle(new DeleteTicket.Command(acme.adminActor(), deleted.id(), Optional.empty()));

        assertThat(ids(list(TicketFilter.ALL))).containsExactly(kept.id());
        assertThat(ids(search("walrus"))).containsExactly(kept.id());
        assertThat(ids(search(deleted.number().toString()))).isEmpty();
    }

    @Test
    void customers_see_their_own_and_their_sharing_organisations_tickets() {
        TicketState carlas = file(acme, acme.customer, "Carla's", "one");
        TicketState colins = file(acme, acme.colleague, "Colin's", "two");
        TicketState oscars = file(acme, acme.otherCustomer, "Oscar's", "three");

        assertThat(ids(list(TicketFilter.seenBy(acme.customerActor()))))
                .containsExactlyInAnyOrder(carlas.id(), colins.id());
        assertThat(ids(list(TicketFilter.seenBy(acme.asCustomer(acme.otherCustomer)))))
                .containsExactly(oscars.id());
        CustomerActor notSharing =
                new CustomerActor(acme.tenant, acme.customer.id(), "Carla", Optional.of(acme.organization.id()), false);
        assertThat(ids(list(TicketFilter.seenBy(notSharing)))).containsExactly(carlas.id());
    }

    @Test
    void list_items_count_only_customer_visible_messages() {
        TicketState ticket = file(acme, acme.customer, "Counting", "messages");
        clock.advance(Duration.ofMinutes(5));
        reply(acme.agentActor(), ticket, "Public one");
        clock.advance(Duration.ofMinutes(5));
        note(ticket, "Internal one");

        TicketListItem item = list(TicketFilter.ALL).items().get(0);
        var visible =
                messagesOf(ticket).stream().filter(m -> m.customerVisible()).collect(Collectors.toList());
        assertThat(item.customerVisibleMessages()).isEqualTo(visible.size()).isPositive();
        assertThat(item.lastCustomerVisibleAt())
                .contains(visible.get(visible.size() - 1).createdAt())
                .contains(Instant.parse("2026-03-02T09:05:00Z"));
    }

    // ---- filters -------------------------------------------------------------------------------------------------

    @Test
    void filters_by_each_field() {
        Instant start = clock.instant();
        TicketState urgentBug = file(acme, acme.customer, "Crash", "boom", "bug", Priority.URGENT);
        clock.advance(Duration.ofHours(1));
        TicketState lowQuestion = file(acme, acme.colleague, "How to", "question", "question", Priority.LOW);
        clock.advance(Duration.ofHours(1));
        TicketState oscars = file(acme, acme.otherCustomer, "Invoice", "wrong", "billing", Priority.HIGH);
        desk.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.agentActor(), urgentBug.id(), Optional.of(acme.agent.id()), Optional.empty()));
        desk.desk()
                .escalateTicket()
                .handle(new EscalateTicket.Command(acme.agentActor(), oscars.id(), "VIP", Optional.empty()));
        desk.desk()
                .updateTicket()
                .handle(new UpdateTicket.Command(
                        acme.agentActor(),
                        lowQuestion.id(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Tags.of(List.of("docs", "howto"))),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        desk.desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        acme.agentActor(), oscars.id(), TicketStatus.ON_HOLD, Optional.empty(), Optional.empty()));
        Instant dueAt = Instant.parse("2026-03-03T09:00:00Z");
        desk.setSla(
                acme.tenant,
                lowQuestion.id(),
                new SlaTimes(
                        1,
                        1,
                        Optional.of(dueAt),
                        Optional.empty(),
                        Optional.of(dueAt),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));

        assertThat(ids(list(filter().statuses(TicketStatus.ON_HOLD).build()))).containsExactly(oscars.id());
        assertThat(ids(list(filter().statuses(TicketStatus.NEW, TicketStatus.IN_PROGRESS)
                        .build())))
                .containsExactlyInAnyOrder(urgentBug.id(), lowQuestion.id());
        assertThat(ids(list(filter().priorities(Priority.URGENT, Priority.LOW).build())))
                .containsExactlyInAnyOrder(urgentBug.id(), lowQuestion.id());
        assertThat(ids(list(filter().categories("billing").build()))).containsExactly(oscars.id());
        assertThat(ids(list(filter().assignee(TicketFilter.AssigneeFilter.of(acme.agent.id()))
                        .build())))
                .containsExactly(urgentBug.id());
        assertThat(ids(list(filter().assignee(TicketFilter.AssigneeFilter.NONE).build())))
                .containsExactlyInAnyOrder(lowQuestion.id(), oscars.id());
        assertThat(ids(list(filter().tag("howto").build()))).containsExactly(lowQuestion.id());
        assertThat(ids(list(filter().tag("nope").build()))).isEmpty();
        assertThat(ids(list(filter().requester(acme.otherCustomer.id()).build())))
                .containsExactly(oscars.id());
        assertThat(ids(list(filter().organization(acme.organization).build())))
                .containsExactlyInAnyOrder(urgentBug.id(), lowQuestion.id());
        assertThat(ids(list(filter().escalated(true).build()))).containsExactly(oscars.id());
        assertThat(ids(list(filter().escalated(false).build())))
                .containsExactlyInAnyOrder(urgentBug.id(), lowQuestion.id());
        assertThat(ids(list(filter().slaBreached(true).build()))).containsExactly(lowQuestion.id());
        assertThat(ids(list(filter().slaBreached(false).build())))
                .containsExactlyInAnyOrder(urgentBug.id(), oscars.id());
        // created_from inclusive, created_to exclusive
        assertThat(ids(list(filter().created(
                                Optional.of(start.plus(Duration.ofHours(1))),
                                Optional.of(start.plus(Duration.ofHours(2))))
                        .build())))
                .containsExactly(lowQuestion.id());
        assertThat(ids(list(
                        filter().created(Optional.of(start), Optional.empty()).build())))
                .hasSize(3);
    }

    // ---- sorts and pages -----------------------------------------------------------------------------------------

    @Test
    void each_sort_breaks_ties_by_id_in_the_same_direction() {
        // Three tickets filed in the same instant, with the same priority and nothing due: every key ties.
        List<TicketState> same = List.of(
                file(acme, acme.customer, "Tie one", "x"),
                file(acme, acme.customer, "Tie two", "x"),
                file(acme, acme.customer, "Tie three", "x"));
        List<TicketId> ascending = same.stream().map(TicketState::id).sorted().collect(Collectors.toList());
        List<TicketId> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        for (TicketSort.Key key :
                List.of(TicketSort.Key.CREATED, TicketSort.Key.UPDATED, TicketSort.Key.PRIORITY, TicketSort.Key.DUE)) {
            assertThat(ids(list(TicketFilter.ALL, new TicketSort(key, false))))
                    .as(key + " ascending")
                    .containsExactlyElementsOf(ascending);
            assertThat(ids(list(TicketFilter.ALL, new TicketSort(key, true))))
                    .as(key + " descending")
                    .containsExactlyElementsOf(descending);
        }
        assertThat(ids(list(TicketFilter.ALL, new TicketSort(TicketSort.Key.RELEVANCE, false))))
                .as("relevance without text is newest first whatever the direction")
                .containsExactlyElementsOf(descending);
    }

    @Test
    void sorts_by_each_key_with_nothing_due_last_in_both_directions() {
        TicketState low = file(acme, acme.customer, "Low", "x", "bug", Priority.LOW);
        clock.advance(Duration.ofMinutes(1));
        TicketState urgent = file(acme, acme.customer, "Urgent", "x", "bug", Priority.URGENT);
        clock.advance(Duration.ofMinutes(1));
        TicketState medium = file(acme, acme.customer, "Medium", "x", "bug", Priority.MEDIUM);
        clock.advance(Duration.ofMinutes(1));
        // Resolved: both clocks stopped, so nothing is due, and it is the last one updated.
        desk.desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        acme.agentActor(), low.id(), TicketStatus.RESOLVED, Optional.empty(), Optional.empty()));
        desk.setSla(acme.tenant, urgent.id(), due("2026-03-02T10:00:00Z", "2026-03-05T10:00:00Z"));
        desk.setSla(acme.tenant, medium.id(), due(null, "2026-03-02T11:00:00Z"));

        assertThat(ids(list(TicketFilter.ALL, TicketSort.parse("created"))))
                .containsExactly(low.id(), urgent.id(), medium.id());
        assertThat(ids(list(TicketFilter.ALL, TicketSort.parse("-created"))))
                .containsExactly(medium.id(), urgent.id(), low.id());
        assertThat(ids(list(TicketFilter.ALL, TicketSort.parse("-updated"))))
                .containsExactly(low.id(), medium.id(), urgent.id());
        assertThat(ids(list(TicketFilter.ALL, TicketSort.parse("-priority"))))
                .containsExactly(urgent.id(), medium.id(), low.id());
        assertThat(ids(list(TicketFilter.ALL, TicketSort.parse("priority"))))
                .containsExactly(low.id(), medium.id(), urgent.id());
        assertThat(ids(list(TicketFilter.ALL, TicketSort.parse("due"))))
                .containsExactly(urgent.id(), medium.id(), low.id());
        assertThat(ids(list(TicketFilter.ALL, TicketSort.parse("-due"))))
                .containsExactly(medium.id(), urgent.id(), low.id());
    }

    @Test
    void totals_are_exact_on_every_page_and_the_pages_tile_the_list() {
        for (int i = 0; i < 7; i++) {
            file(acme, acme.customer, "Paged " + i, "x");
            if (i % 2 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        List<TicketId> whole = ids(list(TicketFilter.ALL));
        List<TicketId> tiled = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            int p = page;
            Page<TicketListItem> result = desk.ports().transactions().inTransaction(acme.tenant, () -> desk.queries()
                    .list(acme.tenant, TicketFilter.ALL, TicketSort.NEWEST_FIRST, PageRequest.ofTickets(p, 3)));
            assertThat(result.total()).isEqualTo(7);
            assertThat(result.totalPages()).isEqualTo(3);
            assertThat(result.items()).hasSize(page < 3 ? 3 : page == 3 ? 1 : 0);
            tiled.addAll(ids(result));
        }
        assertThat(tiled).containsExactlyElementsOf(whole).hasSize(7);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static SlaTimes due(String firstResponse, String resolution) {
        return new SlaTimes(
                1,
                1,
                Optional.ofNullable(firstResponse).map(Instant::parse),
                Optional.ofNullable(resolution).map(Instant::parse),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private TicketState file(TenantFixture tenant, Person customer, String subject, String description) {
        return file(tenant, customer, subject, description, "bug", Priority.MEDIUM);
    }

    private TicketState file(
            TenantFixture tenant,
            Person customer,
            String subject,
            String description,
            String category,
            Priority priority) {
        return desk.file(new FileTicket.Command(
                tenant.asCustomer(customer),
                new Subject(subject),
                new Description(description),
                new Category(category),
                priority,
                PortalContext.NONE,
                Optional.empty()));
    }

    private void reply(StaffActor actor, TicketState ticket, String body) {
        desk.desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(
                        actor, ticket.id(), new Body(body), Via.API, false, Optional.empty()));
    }

    private void note(TicketState ticket, String body) {
        desk.desk()
                .addInternalNote()
                .handle(new AddInternalNote.Command(
                        acme.agentActor(), ticket.id(), new Body(body), Via.API, Optional.empty()));
    }

    private List<org.supportdesk.domain.ticket.Message> messagesOf(TicketState ticket) {
        return desk.ports()
                .transactions()
                .inTransaction(acme.tenant, () -> desk.ports().tickets().messagesOf(acme.tenant, ticket.id()));
    }

    private Page<TicketListItem> search(String text) {
        return list(withText(TicketFilter.ALL, text));
    }

    private Page<TicketListItem> list(TicketFilter filter) {
        return list(filter, TicketSort.NEWEST_FIRST);
    }

    private Page<TicketListItem> list(TicketFilter filter, TicketSort sort) {
        return desk.ports().transactions().inTransaction(acme.tenant, () -> desk.queries()
                .list(acme.tenant, filter, sort, PageRequest.ofTickets(1, 100)));
    }

    private static List<TicketId> ids(Page<TicketListItem> page) {
        return page.items().stream().map(i -> i.ticket().id()).collect(Collectors.toList());
    }

    static TicketFilter withText(TicketFilter f, String text) {
        return f.toBuilder().text(Optional.of(text)).build();
    }

    private static FilterBuilder filter() {
        return new FilterBuilder();
    }

    /** Builds a {@link TicketFilter} one field at a time. */
    static final class FilterBuilder {
        Optional<CustomerActor> customer = Optional.empty();
        Set<TicketStatus> statuses = Set.of();
        Set<Priority> priorities = Set.of();
        Set<Category> categories = Set.of();
        TicketFilter.AssigneeFilter assignee = TicketFilter.AssigneeFilter.ANY;
        Optional<String> tag = Optional.empty();
        Optional<UserId> requester = Optional.empty();
        Optional<org.supportdesk.domain.tenant.OrganizationId> organization = Optional.empty();
        Optional<Boolean> escalated = Optional.empty();
        Optional<Boolean> slaBreached = Optional.empty();
        Optional<Instant> createdFrom = Optional.empty();
        Optional<Instant> createdTo = Optional.empty();
        Optional<String> text = Optional.empty();

        FilterBuilder statuses(TicketStatus... values) {
            statuses = Set.of(values);
            return this;
        }

        FilterBuilder priorities(Priority... values) {
            priorities = Set.of(values);
            return this;
        }

        FilterBuilder categories(String... values) {
            categories = java.util.Arrays.stream(values).map(Category::new).collect(Collectors.toSet());
            return this;
        }

        FilterBuilder assignee(TicketFilter.AssigneeFilter value) {
            assignee = value;
            return this;
        }

        FilterBuilder tag(String value) {
            tag = Optional.of(value);
            return this;
        }

        FilterBuilder requester(UserId value) {
            requester = Optional.of(value);
            return this;
        }

        FilterBuilder organization(org.supportdesk.domain.tenant.Organization value) {
            organization = Optional.of(value.id());
            return this;
        }

        FilterBuilder escalated(boolean value) {
            escalated = Optional.of(value);
            return this;
        }

        FilterBuilder slaBreached(boolean value) {
            slaBreached = Optional.of(value);
            return this;
        }

        FilterBuilder created(Optional<Instant> from, Optional<Instant> to) {
            createdFrom = from;
            createdTo = to;
            return this;
        }

        FilterBuilder customer(Optional<CustomerActor> value) {
            customer = value;
            return this;
        }

        FilterBuilder text(Optional<String> value) {
            text = value;
            return this;
        }

        TicketFilter build() {
            return TicketFilter.builder()
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
                    .text(text)
                    .build();
        }
    }

    static TicketNumber number(TicketState t) {
        return t.number();
    }
}
