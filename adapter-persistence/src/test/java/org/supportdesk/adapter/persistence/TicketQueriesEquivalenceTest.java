package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyAsCustomer;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.testing.InMemorySupportdesk;
import org.supportdesk.application.testing.MutableClock;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.domain.port.ListCursor;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.testing.SequentialIds;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.SlaTimes;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * The PostgreSQL list equals the in-memory reference ({@code InMemoryTicketRepository}): the same seeded random history
 * of use cases is applied to both stores, then random filters, searches, sorts and pages must give equal pages and
 * totals. Run a failing seed again with {@code -Dsupportdesk.seed=<seed>}.
 *
 * <p>Search text is drawn so that the reference's substring match and PostgreSQL's word match agree: whole words of a
 * vocabulary in which no word contains another, whole emails, and ticket numbers or their prefixes.
 */
@ExtendWith(PostgresExtension.class)
class TicketQueriesEquivalenceTest {
    private static final List<String> WORDS = List.of(
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo",
            "lima");
    private static final List<String> TAGS = List.of("red", "green", "blue", "vip");
    private static final int TICKETS = 250;
    private static final int ACTIONS = 700;
    private static final int QUERIES = 400;
    private static final int CURSOR_WALKS = 40;

    private final TestDatabase database;

    TicketQueriesEquivalenceTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void lists_equal_the_reference_for_random_histories_and_queries() {
        long seed = Long.getLong("supportdesk.seed", new Random().nextLong());
        System.out.println("TicketQueriesEquivalenceTest seed " + seed);
        new Run(seed).go();
    }

    private final class Run {
        final long seed;
        final Random random;
        final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        final Instant start = clock.instant();
        final TenantFixture fixture;
        final Organization privateOrganization;
        final List<Person> customers = new ArrayList<>();
        final List<Person> agents = new ArrayList<>();
        final Desk postgres;
        final Desk memory;
        final List<TicketId> tickets = new ArrayList<>();
        final List<TicketNumber> numbers = new ArrayList<>();
        final List<UserId> requesters = new ArrayList<>();

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            String name = "eq" + Long.toHexString(seed).toLowerCase(Locale.ROOT);
            fixture = new TenantFixture(name);
            privateOrganization = new Organization(
                    new OrganizationId(UUID.nameUUIDFromBytes((name + ":private").getBytes())),
                    fixture.tenant,
                    "Private " + name,
                    false);
            customers.addAll(List.of(fixture.customer, fixture.colleague, fixture.otherCustomer));
            for (int i = 0; i < 6; i++) {
                Optional<OrganizationId> organization = i % 3 == 0
                        ? Optional.of(fixture.organization.id())
                        : i % 3 == 1 ? Optional.of(privateOrganization.id()) : Optional.empty();
                customers.add(person(name, "cust" + i, Role.CUSTOMER, organization));
            }
            agents.addAll(List.of(fixture.agent, fixture.admin));
            agents.add(person(name, "staff0", Role.AGENT, Optional.empty()));

            postgres = Desk.overPostgres(database, SequentialIds.startingAtOne(), clock);
            memory = Desk.inMemory(new InMemorySupportdesk(clock, SequentialIds.startingAtOne()));
            for (Desk desk : List.of(postgres, memory)) {
                // Through each side's own use cases, so both spend the same ids on it.
                desk.useCases()
                        .createTenant()
                        .handle(new CreateTenant.Command(
                                Optional.of(fixture.tenant), new TenantSlug(name), name, Optional.empty()));
                desk.ports().transactions().inTransaction(fixture.tenant, () -> {
                    desk.ports().people().addOrganization(fixture.organization);
                    desk.ports().people().addOrganization(privateOrganization);
                    everyone().forEach(desk.ports().people()::add);
                    return null;
                });
            }
        }

        List<Person> everyone() {
            List<Person> all = new ArrayList<>(customers);
            all.addAll(agents);
            all.add(fixture.deactivatedAgent);
            return all;
        }

        Person person(String tenantName, String who, Role role, Optional<OrganizationId> organization) {
            return new Person(
                    new UserId(UUID.nameUUIDFromBytes((tenantName + ":" + who).getBytes())),
                    fixture.tenant,
                    Email.of(who + "@" + tenantName + ".example"),
                    "Person " + who,
                    role,
                    organization,
                    true);
        }

        CustomerActor actorOf(Person customer) {
            Optional<Organization> organization = customer.organization()
                    .map(id -> id.equals(fixture.organization.id()) ? fixture.organization : privateOrganization);
            return CustomerActor.of(customer, organization);
        }

        void go() {
            history();
            for (TicketId ticket : tickets) {
                assertThat(stored(postgres, ticket))
                        .as("seed %d: ticket %s after the history", seed, ticket)
                        .isEqualTo(stored(memory, ticket));
            }
            int nonEmpty = 0;
            for (int i = 0; i < QUERIES; i++) {
                nonEmpty += query(i) ? 1 : 0;
            }
            assertThat(nonEmpty)
                    .as("seed %d: queries that listed something", seed)
                    .isGreaterThan(QUERIES / 3);
            for (int i = 0; i < CURSOR_WALKS; i++) {
                walkByCursor(i);
            }
        }

        // ---- the history, applied to both stores ---------------------------------------------------------------

        void history() {
            for (int i = 0; i < TICKETS; i++) {
                fileTicket();
            }
            for (int i = 0; i < ACTIONS; i++) {
                clock.advance(Duration.ofSeconds(random.nextInt(4) == 0 ? 0 : random.nextInt(600)));
                int t = random.nextInt(tickets.size());
                TicketId ticket = tickets.get(t);
                StaffActor agent = StaffActor.of(agents.get(random.nextInt(agents.size())));
                // Drawn once, outside the actions: each action runs twice, once per store.
                Body body = new Body(words(3 + random.nextInt(2)));
                switch (random.nextInt(10)) {
                    case 0 -> both("reply", d -> d.desk()
                            .replyToTicket()
                            .handle(new ReplyToTicket.Command(agent, ticket, body, Via.API, false, Optional.empty())));
                    case 1 -> {
                        Person requester = customers.stream()
                                .filter(c -> c.id().equals(requesters.get(t)))
                                .findFirst()
                                .orElseThrow();
                        both("customer reply", d -> d.useCases()
                                .portal()
                                .reply()
                                .handle(new ReplyAsCustomer.Command(actorOf(requester), ticket, body, Via.PORTAL)));
                    }
                    case 2 -> both("note", d -> d.desk()
                            .addInternalNote()
                            .handle(new AddInternalNote.Command(agent, ticket, body, Via.API, Optional.empty())));
                    case 3 -> {
                        Optional<UserId> to = random.nextInt(4) == 0
                                ? Optional.empty()
                                : Optional.of(agents.get(random.nextInt(agents.size()))
                                        .id());
                        both("assign", d -> d.desk()
                                .assignTicket()
                                .handle(new AssignTicket.Command(agent, ticket, to, Optional.empty())));
                    }
                    case 4 -> both("escalate", d -> d.desk()
                            .escalateTicket()
                            .handle(new EscalateTicket.Command(agent, ticket, "vip", Optional.empty())));
                    case 5 -> {
                        TicketStatus to = TicketStatus.values()[random.nextInt(TicketStatus.values().length)];
                        both("status", d -> d.desk()
                                .changeTicketStatus()
                                .handle(new ChangeTicketStatus.Command(
                                        agent, ticket, to, Optional.empty(), Optional.empty())));
                    }
                    case 6 -> {
                        Tags tags = Tags.of(
                                TAGS.stream().filter(x -> random.nextBoolean()).collect(Collectors.toList()));
                        Optional<Priority> priority = random.nextBoolean()
                                ? Optional.of(Priority.values()[random.nextInt(4)])
                                : Optional.empty();
                        both("update", d -> d.desk()
                                .updateTicket()
                                .handle(new UpdateTicket.Command(
                                        agent,
                                        ticket,
                                        Optional.empty(),
                                        priority,
                                        Optional.empty(),
                                        Optional.of(tags),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())));
                    }
                    case 7 -> {
                        if (random.nextInt(5) == 0) {
                            both("delete", d -> d.desk()
                                    .deleteTicket()
                                    .handle(new DeleteTicket.Command(
                                            StaffActor.of(fixture.admin), ticket, Optional.empty())));
                        }
                    }
                    default -> {
                        SlaTimes sla = randomSla();
                        both("sla", d -> d.setSla(fixture.tenant, ticket, sla));
                    }
                }
            }
        }

        void fileTicket() {
            clock.advance(Duration.ofSeconds(random.nextInt(3) == 0 ? 0 : random.nextInt(300)));
            Person requester = customers.get(random.nextInt(customers.size()));
            FileTicket.Command command = new FileTicket.Command(
                    actorOf(requester),
                    new Subject(words(2 + random.nextInt(2))),
                    new Description(words(3 + random.nextInt(3))),
                    new Category(TenantSettings.DEFAULT_CATEGORIES.get(
                            random.nextInt(TenantSettings.DEFAULT_CATEGORIES.size()))),
                    Priority.values()[random.nextInt(4)],
                    PortalContext.NONE,
                    Optional.empty());
            var filed = postgres.file(command);
            var reference = memory.file(command);
            assertThat(filed).as("seed %d: filed ticket", seed).isEqualTo(reference);
            tickets.add(filed.id());
            numbers.add(filed.number());
            requesters.add(requester.id());
        }

        SlaTimes randomSla() {
            Optional<Instant> firstDue = maybeInstant();
            Optional<Instant> resolutionDue = maybeInstant();
            return new SlaTimes(
                    1,
                    1,
                    firstDue,
                    resolutionDue,
                    firstDue.filter(x -> random.nextInt(3) == 0),
                    resolutionDue.filter(x -> random.nextInt(3) == 0),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }

        Optional<Instant> maybeInstant() {
            return random.nextInt(3) == 0
                    ? Optional.empty()
                    : Optional.of(start.plusSeconds(60L * random.nextInt(24 * 60)));
        }

        /** Applies an action to both stores; it must succeed on both or fail alike on both. */
        void both(String what, Consumer<Desk> action) {
            Class<?> onPostgres = outcome(() -> action.accept(postgres));
            Class<?> onReference = outcome(() -> action.accept(memory));
            assertThat(onPostgres).as("seed %d: outcome of %s", seed, what).isEqualTo(onReference);
        }

        Class<?> outcome(Runnable action) {
            try {
                action.run();
                return Void.class;
            } catch (RuntimeException e) {
                return e.getClass();
            }
        }

        String words(int count) {
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                chosen.add(WORDS.get(random.nextInt(WORDS.size())));
            }
            return String.join(" ", chosen);
        }

        // ---- the queries ---------------------------------------------------------------------------------------

        /** Answers whether the page listed anything. */
        boolean query(int i) {
            TicketFilter filter = randomFilter();
            TicketSort sort = new TicketSort(
                    TicketSort.Key.values()[random.nextInt(TicketSort.Key.values().length)], random.nextBoolean());
            int limit = 1 + random.nextInt(30);
            long total =
                    list(memory, filter, sort, PageRequest.ofTickets(1, limit)).total();
            int pages = (int) Math.max(1, (total + limit - 1) / limit);
            PageRequest page = PageRequest.ofTickets(1 + random.nextInt(pages + 1), limit);

            Page<TicketListItem> expected = list(memory, filter, sort, page);
            Page<TicketListItem> actual = list(postgres, filter, sort, page);
            String context = String.format("seed %d, query %d: %s %s %s", seed, i, filter, sort, page);
            assertThat(ids(actual)).as(context).containsExactlyElementsOf(ids(expected));
            assertThat(actual.total()).as(context).isEqualTo(expected.total());
            assertThat(actual.items()).as(context).containsExactlyElementsOf(expected.items());
            return !expected.items().isEmpty();
        }

        /**
         * Pages through a random list by following next_cursor from page 1 (keyset pagination): every match once, in
         * the reference's order, page numbers counting up, and no cursor after the last page.
         */
        void walkByCursor(int i) {
            TicketFilter filter = randomFilter();
            TicketSort sort = new TicketSort(
                    TicketSort.Key.values()[random.nextInt(TicketSort.Key.values().length)], random.nextBoolean());
            int limit = 3 + random.nextInt(10);
            List<TicketId> expected = new ArrayList<>();
            Page<TicketListItem> reference = list(memory, filter, sort, PageRequest.ofTickets(1, limit));
            for (int p = 1;
                    !reference.items().isEmpty();
                    reference = list(memory, filter, sort, PageRequest.ofTickets(++p, limit))) {
                expected.addAll(ids(reference));
            }
            String context = String.format("seed %d, walk %d: %s %s limit %d", seed, i, filter, sort, limit);
            List<TicketId> walked = new ArrayList<>();
            Page<TicketListItem> page = list(postgres, filter, sort, PageRequest.ofTickets(1, limit));
            for (int p = 1; ; p++) {
                assertThat(page.page()).as(context).isEqualTo(p);
                assertThat(page.total()).as(context).isEqualTo(expected.size());
                walked.addAll(ids(page));
                if (page.next().isEmpty()) {
                    break;
                }
                assertThat(page.items()).as(context).hasSize(limit);
                page = list(
                        postgres,
                        filter,
                        sort,
                        PageRequest.ofTickets(
                                ListCursor.decode(page.next().get().encode()), limit));
            }
            assertThat(walked).as(context).containsExactlyElementsOf(expected);
        }

        Object stored(Desk desk, TicketId ticket) {
            return desk.ports()
                    .transactions()
                    .inTransaction(
                            fixture.tenant,
                            () -> List.of(
                                    desk.ports()
                                            .tickets()
                                            .findIncludingDeleted(fixture.tenant, ticket)
                                            .map(t -> t.state()),
                                    desk.ports().tickets().messagesOf(fixture.tenant, ticket)));
        }

        Page<TicketListItem> list(Desk desk, TicketFilter filter, TicketSort sort, PageRequest page) {
            return desk.ports().transactions().inTransaction(fixture.tenant, () -> desk.queries()
                    .list(fixture.tenant, filter, sort, page));
        }

        TicketFilter randomFilter() {
            var f = new JdbiTicketQueriesTest.FilterBuilder();
            if (chance(4)) {
                f.customer(Optional.of(actorOf(customers.get(random.nextInt(customers.size())))));
            }
            if (chance(5)) {
                f.statuses = pick(EnumSet.allOf(TicketStatus.class));
            }
            if (chance(6)) {
                f.priorities = pick(EnumSet.allOf(Priority.class));
            }
            if (chance(6)) {
                f.categories = pick(Set.copyOf(TenantSettings.DEFAULT_CATEGORIES)).stream()
                        .map(Category::new)
                        .collect(Collectors.toSet());
            }
            if (chance(5)) {
                f.assignee = chance(3)
                        ? TicketFilter.AssigneeFilter.NONE
                        : TicketFilter.AssigneeFilter.of(
                                agents.get(random.nextInt(agents.size())).id());
            }
            if (chance(6)) {
                f.tag(TAGS.get(random.nextInt(TAGS.size())));
            }
            if (chance(6)) {
                f.requester(customers.get(random.nextInt(customers.size())).id());
            }
            if (chance(8)) {
                f.organization(random.nextBoolean() ? fixture.organization : privateOrganization);
            }
            if (chance(6)) {
                f.escalated(random.nextBoolean());
            }
            if (chance(6)) {
                f.slaBreached(random.nextBoolean());
            }
            if (chance(6)) {
                Instant end = clock.instant();
                long span = Duration.between(start, end).getSeconds() + 1;
                Instant a = start.plusSeconds((long) (random.nextDouble() * span));
                Instant b = start.plusSeconds((long) (random.nextDouble() * span));
                if (a.isBefore(b)) {
                    f.created(
                            random.nextBoolean() ? Optional.of(a) : Optional.empty(),
                            random.nextBoolean() ? Optional.of(b) : Optional.empty());
                }
            }
            if (chance(3)) {
                f.text(Optional.of(randomText()));
            }
            return f.build();
        }

        String randomText() {
            switch (random.nextInt(6)) {
                case 0:
                    return customers
                            .get(random.nextInt(customers.size()))
                            .email()
                            .value();
                case 1:
                    return numbers.get(random.nextInt(numbers.size())).toString();
                case 2:
                    return "tkt-2026-0000" + random.nextInt(10);
                case 3:
                    return WORDS.get(random.nextInt(WORDS.size())).toUpperCase(Locale.ROOT);
                default:
                    return WORDS.get(random.nextInt(WORDS.size()));
            }
        }

        boolean chance(int oneIn) {
            return random.nextInt(oneIn) == 0;
        }

        <T extends Comparable<T>> Set<T> pick(Set<T> from) {
            Set<T> chosen =
                    from.stream().sorted().filter(x -> random.nextBoolean()).collect(Collectors.toSet());
            return chosen;
        }

        List<TicketId> ids(Page<TicketListItem> page) {
            return page.items().stream().map(x -> x.ticket().id()).collect(Collectors.toList());
        }
    }
}
