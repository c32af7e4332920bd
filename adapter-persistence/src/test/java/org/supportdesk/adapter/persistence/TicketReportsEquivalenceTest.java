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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.admin.CreateTenant;
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
import org.supportdesk.application.ticket.GiveFeedback;
import org.supportdesk.domain.port.StatsWindow;
import org.supportdesk.domain.port.TicketExportRow;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TicketStats;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.testing.SequentialIds;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * The PostgreSQL stats and export equal the in-memory reference ({@code InMemoryTicketRepository}): one seeded random
 * history of use cases (replies, reopenings, resolutions, closures, assignments, feedback, deletions) spread over
 * several weeks is applied to both stores, then random filters, windows and sorts must give equal figures and equal
 * rows. Run a failing seed again with {@code -Dsupportdesk.seed=<seed>}.
 */
@ExtendWith(PostgresExtension.class)
class TicketReportsEquivalenceTest {
    private static final List<String> WORDS = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot");
    private static final int TICKETS = 150;
    private static final int ACTIONS = 500;
    private static final int QUERIES = 150;

    private final TestDatabase database;

    TicketReportsEquivalenceTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void stats_and_exports_equal_the_reference_for_random_histories_and_queries() {
        long seed = Long.getLong("supportdesk.seed", new Random().nextLong());
        System.out.println("TicketReportsEquivalenceTest seed " + seed);
        Random random = new Random(seed);
        MutableClock clock = new MutableClock(Instant.parse("2026-02-01T09:00:00Z"));
        Instant start = clock.instant();
        String name = "rq" + Long.toHexString(seed).toLowerCase(Locale.ROOT);
        TenantFixture fixture = new TenantFixture(name);
        Desk postgres = Desk.overPostgres(database, SequentialIds.startingAtOne(), clock);
        Desk memory = Desk.inMemory(new InMemorySupportdesk(clock, SequentialIds.startingAtOne()));
        for (Desk desk : List.of(postgres, memory)) {
            desk.useCases()
                    .createTenant()
                    .handle(new CreateTenant.Command(
                            Optional.of(fixture.tenant), new TenantSlug(name), name, Optional.empty()));
            desk.ports().transactions().inTransaction(fixture.tenant, () -> {
                desk.ports().people().addOrganization(fixture.organization);
                fixture.everyone().forEach(desk.ports().people()::add);
                return null;
            });
        }
        List<Person> customers = List.of(fixture.customer, fixture.colleague, fixture.otherCustomer);
        List<Person> staff = List.of(fixture.agent, fixture.admin);
        List<TicketId> tickets = new ArrayList<>();
        List<Person> requesters = new ArrayList<>();
        List<String> done = new ArrayList<>();
        Consumer<Consumer<Desk>> both = action -> {
            Class<?> onPostgres = outcome(() -> action.accept(postgres));
            Class<?> onReference = outcome(() -> action.accept(memory));
            assertThat(onPostgres).as("seed %d: outcome after %s", seed, done).isEqualTo(onReference);
        };

        for (int i = 0; i < TICKETS + ACTIONS; i++) {
            // Hours apart at times, so the tickets spread over many UTC days.
            clock.advance(Duration.ofSeconds(random.nextInt(5) == 0 ? random.nextInt(40_000) : random.nextInt(900)));
            if (i < TICKETS || random.nextInt(8) == 0) {
                Person requester = customers.get(random.nextInt(customers.size()));
                FileTicket.Command command = new FileTicket.Command(
                        fixture.asCustomer(requester),
                        new Subject(words(random, 2)),
                        new Description(words(random, 4)),
                        new Category(TenantSettings.DEFAULT_CATEGORIES.get(
                                random.nextInt(TenantSettings.DEFAULT_CATEGORIES.size()))),
                        Priority.values()[random.nextInt(4)],
                        PortalContext.NONE,
                        Optional.empty());
                TicketId id = postgres.file(command).id();
                assertThat(memory.file(command).id()).isEqualTo(id);
                tickets.add(id);
                requesters.add(requester);
                continue;
            }
            int t = random.nextInt(tickets.size());
            TicketId ticket = tickets.get(t);
            CustomerActor requester = fixture.asCustomer(requesters.get(t));
            StaffActor agent = StaffActor.of(staff.get(random.nextInt(staff.size())));
            int action = random.nextInt(9);
            done.add(action + "@" + t);
            switch (action) {
                case 0, 1 -> both.accept(d -> d.desk()
                        .replyToTicket()
                        .handle(new ReplyToTicket.Command(
                                agent, ticket, new Body("Answer"), Via.API, false, Optional.empty())));
                case 2 -> both.accept(d -> d.useCases()
                        .portal()
                        .reply()
                        .handle(new ReplyAsCustomer.Command(requester, ticket, new Body("More"), Via.PORTAL)));
                case 3, 4 -> {
                    TicketStatus to = random.nextBoolean()
                            ? TicketStatus.RESOLVED
                            : TicketStatus.values()[random.nextInt(TicketStatus.values().length)];
                    both.accept(d -> d.desk()
                            .changeTicketStatus()
                            .handle(new ChangeTicketStatus.Command(
                                    agent, ticket, to, Optional.empty(), Optional.empty())));
                }
                case 5 -> {
                    // Drawn once, outside the action: it runs twice, once per store.
                    var to = random.nextInt(4) == 0
                            ? Optional.<org.supportdesk.domain.tenant.UserId>empty()
                            : Optional.of(agent.id());
                    both.accept(d -> d.desk()
                            .assignTicket()
                            .handle(new AssignTicket.Command(agent, ticket, to, Optional.empty())));
                }
                case 6 -> {
                    Rating rating = new Rating(1 + random.nextInt(5));
                    both.accept(d -> d.useCases()
                            .portal()
                            .giveFeedback()
                            .handle(new GiveFeedback.Command(requester, ticket, rating, Optional.empty())));
                }
                case 7 -> both.accept(d -> d.desk()
                        .escalateTicket()
                        .handle(new EscalateTicket.Command(agent, ticket, "vip", Optional.empty())));
                default -> {
                    if (random.nextInt(6) == 0) {
                        both.accept(d -> d.desk()
                                .deleteTicket()
                                .handle(new DeleteTicket.Command(
                                        StaffActor.of(fixture.admin), ticket, Optional.empty())));
                    }
                }
            }
        }

        Instant end = clock.instant();
        int rated = 0;
        for (int i = 0; i < QUERIES; i++) {
            TicketFilter filter = randomFilter(random, fixture, start, end);
            Instant from = between(random, start.minus(Duration.ofDays(2)), end);
            Instant to = between(random, from.plusSeconds(1), end.plus(Duration.ofDays(2)));
            StatsWindow window = new StatsWindow(from, to);
            TicketSort sort = new TicketSort(
                    TicketSort.Key.values()[random.nextInt(TicketSort.Key.values().length)], random.nextBoolean());
            String context = String.format("seed %d, query %d: %s %s %s", seed, i, filter, window, sort);

            TicketStats expected = stats(memory, fixture, filter, window);
            assertThat(stats(postgres, fixture, filter, window)).as(context).isEqualTo(expected);
            assertThat(export(postgres, fixture, filter, sort))
                    .as(context)
                    .containsExactlyElementsOf(export(memory, fixture, filter, sort));
            rated += expected.csat().count() > 0 && expected.resolution().count() > 1 ? 1 : 0;
        }
        // Not vacuous: some queries select rated tickets with several resolutions (8 of 150 at worst).
        assertThat(rated)
                .as("seed %d: queries with ratings and resolution times", seed)
                .isGreaterThanOrEqualTo(QUERIES / 50);
    }

    private static TicketStats stats(Desk desk, TenantFixture fixture, TicketFilter filter, StatsWindow window) {
        return desk.ports().transactions().inTransaction(fixture.tenant, () -> desk.queries()
                .stats(fixture.tenant, filter, window));
    }

    private static List<TicketExportRow> export(
            Desk desk, TenantFixture fixture, TicketFilter filter, TicketSort sort) {
        List<TicketExportRow> rows = new ArrayList<>();
        desk.ports().transactions().inTransaction(fixture.tenant, () -> {
            desk.queries().export(fixture.tenant, filter, sort, rows::add);
            return null;
        });
        return rows;
    }

    private static TicketFilter randomFilter(Random random, TenantFixture fixture, Instant start, Instant end) {
        TicketFilter.Builder f = TicketFilter.builder();
        if (random.nextInt(4) == 0) {
            f.statuses(EnumSet.allOf(TicketStatus.class).stream()
                    .filter(x -> random.nextBoolean())
                    .collect(Collectors.toSet()));
        }
        if (random.nextInt(5) == 0) {
            f.priorities(Set.of(Priority.values()[random.nextInt(4)]));
        }
        if (random.nextInt(5) == 0) {
            f.assignee(
                    random.nextBoolean()
                            ? TicketFilter.AssigneeFilter.NONE
                            : TicketFilter.AssigneeFilter.of(fixture.agent.id()));
        }
        if (random.nextInt(6) == 0) {
            f.requester(Optional.of(fixture.customer.id()));
        }
        if (random.nextInt(6) == 0) {
            f.organization(Optional.of(fixture.organization.id()));
        }
        if (random.nextInt(6) == 0) {
            f.escalated(Optional.of(random.nextBoolean()));
        }
        if (random.nextInt(5) == 0) {
            Instant a = between(random, start, end);
            f.createdFrom(Optional.of(a)).createdTo(Optional.of(between(random, a.plusSeconds(1), end.plusSeconds(2))));
        }
        if (random.nextInt(5) == 0) {
            f.text(Optional.of(WORDS.get(random.nextInt(WORDS.size()))));
        }
        return f.build();
    }

    private static Instant between(Random random, Instant from, Instant to) {
        long span = Math.max(1, Duration.between(from, to).getSeconds());
        return from.plusSeconds((long) (random.nextDouble() * span));
    }

    private static String words(Random random, int count) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return String.join(" ", chosen);
    }

    private static Class<?> outcome(Runnable action) {
        try {
            action.run();
            return Void.class;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
