package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyAsCustomer;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.query.GetTicket;
import org.supportdesk.application.query.ShowTicketStats;
import org.supportdesk.application.query.TicketSelection;
import org.supportdesk.application.sla.ExplainSla;
import org.supportdesk.application.testing.MutableClock;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.MergeTicket;
import org.supportdesk.application.ticket.UnmergeTicket;
import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.CustomerTicketView;

/**
 * Reversible merge against a model that never merged (§16, issue 16): two tenants hold the same tickets, filed by the
 * same people at the same instants on one clock. A seeded random sequence of replies, notes, customer replies and
 * status changes runs on both at the same instants; merges and unmerges run only on the first. An operation on a
 * ticket that is merged away is refused (it is closed) and skipped by the model. While tickets are merged, a target's
 * conversation reads their messages; once everything is unmerged, every ticket, its conversation, the customer's
 * view, its SLA explanation and the tenant's stats equal those of the model, field for field.
 */
@Timeout(300)
class MergeModelTest {
    private static final int TICKETS = 6;
    private static final int STEPS = 160;
    private static final List<TicketStatus> TARGETS = List.of(
            TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_ON_CUSTOMER,
            TicketStatus.ON_HOLD,
            TicketStatus.RESOLVED,
            TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_ON_CUSTOMER,
            TicketStatus.RESOLVED,
            TicketStatus.CLOSED);

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    private static CoreOnPostgres core;
    private static JdbiStores stores;
    private static UseCases useCases;

    @TempDir
    static Path files;

    @BeforeAll
    static void start() {
        core = CoreOnPostgres.start(clock, files, LocalPostgres.SynchronousCommit.OFF, "merge-model-test");
        stores = core.stores;
        useCases = core.useCases;
    }

    @AfterAll
    static void stop() {
        if (core != null) {
            core.close();
        }
    }

    /** One tenant's copy of the world: its admin, two customers and the tickets, in the same order in both. */
    private record World(StaffActor admin, List<CustomerActor> customers, List<TicketId> tickets) {
        CustomerActor requesterOf(int ticket) {
            return customers.get(ticket % customers.size());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void merges_and_unmerges_leave_every_ticket_as_the_model_that_never_merged(long seed) {
        Random random = new Random(seed);
        World merging = world("merge-" + seed);
        World model = world("model-" + seed);
        for (int i = 0; i < TICKETS; i++) {
            merging.tickets().add(file(merging, i));
            model.tickets().add(file(model, i));
            clock.advance(Duration.ofMinutes(1 + random.nextInt(30)));
        }
        Map<Integer, Integer> mergedInto = new HashMap<>();
        int merges = 0;
        for (int step = 0; step < STEPS; step++) {
            clock.advance(Duration.ofMinutes(1 + random.nextInt(240)));
            int ticket = random.nextInt(TICKETS);
            int dice = random.nextInt(100);
            if (dice < 22) {
                int target = random.nextInt(TICKETS);
                boolean confirm = random.nextBoolean();
                String outcome = attempt(() -> merge(merging, ticket, target, confirm));
                if (outcome.equals("ok")) {
                    mergedInto.put(ticket, target);
                    merges++;
                    assertTargetReadsTheMergedMessages(merging, target);
                } else {
                    assertThat(ticket == target
                                    || mergedInto.containsKey(ticket)
                                    || mergedInto.containsKey(target)
                                    || status(merging, ticket) == TicketStatus.CLOSED
                                    || status(merging, target) == TicketStatus.CLOSED
                                    || !confirm && ticket % 2 != target % 2)
                            .as("merge %d into %d refused: %s", ticket, target, outcome)
                            .isTrue();
                }
            } else if (dice < 32) {
                String outcome = attempt(() -> unmerge(merging, ticket));
                assertThat(outcome).isEqualTo(mergedInto.containsKey(ticket) ? "ok" : "CONFLICT");
                mergedInto.remove(ticket);
            } else {
                Step change = change(random, ticket);
                if (mergedInto.containsKey(ticket)) {
                    // Merged away, the ticket is closed: the change is refused and the model never sees it.
                    assertThat(attempt(() -> change.apply(merging, ticket))).isNotEqualTo("ok");
                } else {
                    assertThat(attempt(() -> change.apply(merging, ticket)))
                            .as("step %d on ticket %d", step, ticket)
                            .isEqualTo(attempt(() -> change.apply(model, ticket)));
                }
            }
        }
        for (int ticket : List.copyOf(mergedInto.keySet())) {
            clock.advance(Duration.ofMinutes(5));
            assertThat(attempt(() -> unmerge(merging, ticket))).isEqualTo("ok");
        }
        clock.advance(Duration.ofHours(1));

        assertThat(merges).as("the sequence merged something").isPositive();
        for (int i = 0; i < TICKETS; i++) {
            TicketState merged = state(merging, i);
            TicketState never = state(model, i);
            assertThat(merged.mergedInto()).isEmpty();
            assertThat(comparable(merged)).as("ticket %d", i).isEqualTo(comparable(never));
            assertThat(conversation(merging, i)).as("conversation of %d", i).isEqualTo(conversation(model, i));
            assertThat(customerView(merging, i)).as("customer view of %d", i).isEqualTo(customerView(model, i));
            assertThat(sla(merging, i)).as("SLA of %d", i).isEqualTo(sla(model, i));
        }
        assertThat(stats(merging)).usingRecursiveComparison().isEqualTo(stats(model));
    }

    /** A change both worlds make: what the model applies too. */
    private interface Step {
        void apply(World world, int ticket);
    }

    private static Step change(Random random, int ticketIndex) {
        int kind = random.nextInt(4);
        String text = "step text " + random.nextInt(1_000_000);
        return switch (kind) {
            case 0 -> (world, ticket) -> useCases.desk()
                    .replyToTicket()
                    .handle(new ReplyToTicket.Command(
                            world.admin(),
                            world.tickets().get(ticket),
                            new Body("Staff: " + text),
                            Via.API,
                            false,
                            Optional.empty(),
                            List.of()));
            case 1 -> (world, ticket) -> useCases.desk()
                    .addInternalNote()
                    .handle(new AddInternalNote.Command(
                            world.admin(),
                            world.tickets().get(ticket),
                            new Body("Note: " + text),
                            Via.API,
                            Optional.empty(),
                            List.of()));
            case 2 -> (world, ticket) -> useCases.portal()
                    .reply()
                    .handle(new ReplyAsCustomer.Command(
                            world.requesterOf(ticket),
                            world.tickets().get(ticket),
                            new Body("Customer: " + text),
                            Via.PORTAL,
                            List.of()));
            default -> {
                TicketStatus to = TARGETS.get(random.nextInt(TARGETS.size()));
                yield (world, ticket) -> useCases.desk()
                        .changeTicketStatus()
                        .handle(new ChangeTicketStatus.Command(
                                world.admin(), world.tickets().get(ticket), to, Optional.empty(), Optional.empty()));
            }
        };
    }

    /** "ok", or the problem code of the refusal. */
    private static String attempt(Runnable change) {
        try {
            change.run();
            return "ok";
        } catch (DomainException refused) {
            return refused.code().name();
        }
    }

    private static void merge(World world, int ticket, int target, boolean confirm) {
        useCases.desk()
                .mergeTicket()
                .handle(new MergeTicket.Command(
                        world.admin(),
                        world.tickets().get(ticket),
                        world.tickets().get(target),
                        confirm,
                        Optional.empty()));
    }

    private static void unmerge(World world, int ticket) {
        useCases.desk()
                .unmergeTicket()
                .handle(new UnmergeTicket.Command(world.admin(), world.tickets().get(ticket), Optional.empty()));
    }

    /** The target's staff conversation is its own messages and those of every ticket merged into it, in order. */
    private static void assertTargetReadsTheMergedMessages(World world, int target) {
        TicketId id = world.tickets().get(target);
        List<Message> expected = new ArrayList<>(
                stores.transactions().inTransaction(world.admin().tenant(), () -> stores.tickets()
                        .messagesOf(world.admin().tenant(), id)));
        for (TicketState merged : stores.transactions()
                .inTransaction(world.admin().tenant(), () -> stores.tickets()
                        .mergedInto(world.admin().tenant(), id))) {
            expected.addAll(stores.transactions().inTransaction(world.admin().tenant(), () -> stores.tickets()
                    .messagesOf(world.admin().tenant(), merged.id())));
        }
        expected.sort(Message.CONVERSATION_ORDER);
        assertThat(useCases.desk()
                        .getTicket()
                        .handle(new GetTicket.Command(world.admin(), id))
                        .messages())
                .containsExactlyElementsOf(expected);
    }

    private static World world(String slug) {
        StaffActor admin = Onboarding.tenant(useCases, slug, "admin@" + slug + ".example", "password");
        List<CustomerActor> customers = new ArrayList<>();
        for (String name : List.of("Ann", "Bob")) {
            Person person = Onboarding.person(
                    useCases,
                    admin,
                    name.toLowerCase() + "@" + slug + ".example",
                    name,
                    Role.CUSTOMER,
                    Optional.empty());
            customers.add(CustomerActor.of(person, Optional.empty()));
        }
        return new World(admin, customers, new ArrayList<>());
    }

    private static TicketId file(World world, int ticket) {
        return useCases.portal()
                .fileTicket()
                .handle(new FileTicket.Command(
                        world.requesterOf(ticket),
                        new Subject("Problem " + ticket),
                        new Description("Details of problem " + ticket),
                        new Category("other"),
                        Priority.values()[ticket % Priority.values().length],
                        PortalContext.NONE,
                        Optional.empty()))
                .id();
    }

    private static TicketState state(World world, int ticket) {
        return stores.transactions().inTransaction(world.admin().tenant(), () -> stores.tickets()
                .find(world.admin().tenant(), world.tickets().get(ticket))
                .orElseThrow()
                .state());
    }

    private static TicketStatus status(World world, int ticket) {
        return state(world, ticket).status();
    }

    /** Everything of a ticket but what differs between tenants by construction (ids, number, version). */
    private static List<Object> comparable(TicketState t) {
        return List.of(
                t.subject(),
                t.description(),
                t.category(),
                t.priority(),
                t.status(),
                t.assignee().isPresent(),
                t.tags(),
                t.escalation(),
                t.sla(),
                t.feedback(),
                t.createdAt(),
                t.updatedAt(),
                t.customerUpdatedAt(),
                t.lastMessageAt(),
                t.messagesCount(),
                t.deletedAt());
    }

    private static List<String> conversation(World world, int ticket) {
        return useCases
                .desk()
                .getTicket()
                .handle(new GetTicket.Command(world.admin(), world.tickets().get(ticket)))
                .messages()
                .stream()
                .map(m -> String.join(
                        " | ",
                        m.author().name(),
                        m.kind().wireName(),
                        String.valueOf(m.customerVisible()),
                        m.body().value(),
                        m.createdAt().toString()))
                .collect(Collectors.toList());
    }

    private static String customerView(World world, int ticket) {
        CustomerTicketView v = useCases.portal()
                .getTicket()
                .handle(new GetCustomerTicket.Command(
                        world.requesterOf(ticket), world.tickets().get(ticket)));
        return String.join(
                "\n",
                v.subject().value(),
                v.status().wireName(),
                v.updatedAt().toString(),
                v.resolvedAt().toString(),
                v.closedAt().toString(),
                String.valueOf(v.messagesCount()),
                v.lastMessageAt().toString(),
                v.mergedInto().toString(),
                v.messages().stream()
                        .map(m -> m.authorName() + ": " + m.body().value() + " @" + m.createdAt())
                        .collect(Collectors.joining("\n")));
    }

    private static Object sla(World world, int ticket) {
        return useCases.desk()
                .explainSla()
                .handle(new ExplainSla.Command(world.admin(), world.tickets().get(ticket)));
    }

    private static Object stats(World world) {
        return useCases.desk()
                .showTicketStats()
                .handle(new ShowTicketStats.Command(
                        world.admin(),
                        TicketSelection.ALL,
                        Optional.of(Instant.parse("2026-05-01T00:00:00Z")),
                        Optional.of(clock.instant())));
    }
}
