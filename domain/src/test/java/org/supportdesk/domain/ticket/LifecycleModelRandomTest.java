package org.supportdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.domain.ticket.TicketStatus.CLOSED;
import static org.supportdesk.domain.ticket.TicketStatus.IN_PROGRESS;
import static org.supportdesk.domain.ticket.TicketStatus.NEW;
import static org.supportdesk.domain.ticket.TicketStatus.ON_HOLD;
import static org.supportdesk.domain.ticket.TicketStatus.RESOLVED;
import static org.supportdesk.domain.ticket.TicketStatus.WAITING_ON_CUSTOMER;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;
import org.supportdesk.domain.testing.SequentialIds;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * Random sequences of (actor, action) against a small reference model of §2, §4, §5 and §17 written here, without
 * {@link Lifecycle}. Each step is one unit of work: the ticket is stored ({@code state()}) and restored after it, and
 * rolled back when refused. The seed comes from {@code -Dlifecycle.seed=…} or is drawn at random, and every failure
 * message starts with it.
 */
class LifecycleModelRandomTest {
    private static final int SEQUENCES = Integer.getInteger("lifecycle.sequences", 3_000);
    private static final int MAX_STEPS = 40;

    // ---- the reference model ------------------------------------------------------------------------------------

    /** §4, read row by row: where staff may move a ticket from each status. */
    private static final Map<TicketStatus, Set<TicketStatus>> STAFF_MAY_MOVE = new EnumMap<>(TicketStatus.class);

    static {
        STAFF_MAY_MOVE.put(NEW, EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED, CLOSED));
        STAFF_MAY_MOVE.put(IN_PROGRESS, EnumSet.of(WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED, CLOSED));
        STAFF_MAY_MOVE.put(WAITING_ON_CUSTOMER, EnumSet.of(IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED));
        STAFF_MAY_MOVE.put(ON_HOLD, EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED));
        STAFF_MAY_MOVE.put(RESOLVED, EnumSet.of(IN_PROGRESS, CLOSED));
        STAFF_MAY_MOVE.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
    }

    enum Outcome {
        CHANGED,
        UNCHANGED,
        NOT_FOUND,
        FORBIDDEN,
        VALIDATION_FAILED,
        INVALID_TRANSITION,
        TICKET_CLOSED,
        FOLLOW_UP_REQUIRED,
        UNEXPECTED
    }

    enum Who {
        REQUESTER,
        ORG_MATE,
        OTHER_CUSTOMER,
        AGENT,
        ADMIN,
        SYSTEM,
        FOREIGN_AGENT;

        boolean isStaff() {
            return this == AGENT || this == ADMIN || this == FOREIGN_AGENT;
        }

        boolean isCustomer() {
            return this == REQUESTER || this == ORG_MATE || this == OTHER_CUSTOMER;
        }

        /** §2/§8: the requester, an organisation mate when it shares, the tenant's staff, and Supportdesk itself. */
        boolean mayReachTheTicket() {
            return this != OTHER_CUSTOMER && this != FOREIGN_AGENT;
        }
    }

    enum Action {
        STAFF_STATUS,
        REPLY,
        NOTE,
        ASSIGN,
        CUSTOMER_CLOSE,
        AUTO_CLOSE,
        ESCALATE,
        DEESCALATE,
        PRIORITY,
        ADVANCE_CLOCK
    }

    enum Assignee {
        NOBODY,
        AGENT,
        ADMIN,
        DEACTIVATED_AGENT,
        CUSTOMER,
        FOREIGN_AGENT;

        boolean assignable() {
            return this == AGENT || this == ADMIN;
        }
    }

    /** What the model expects after a step; mutated in place, copied before each step for the expectation. */
    static final class Model {
        final Duration reopenWindow;
        final Duration autoCloseDelay;
        TicketStatus status = NEW;
        Optional<Instant> firstRespondedAt = Optional.empty();
        Optional<Instant> resolvedAt = Optional.empty();
        Optional<Instant> closedAt = Optional.empty();
        Assignee assignee = Assignee.NOBODY;
        boolean escalated;
        Priority priority = Priority.MEDIUM;
        int publicReplies;
        int internalNotes;
        int publicSystem;
        int internalSystem;
        long version = 1;
        int transitionsThisStep;
        Set<TicketStatus> allowedTargets = Set.of();

        Model(Duration reopenWindow, Duration autoCloseDelay) {
            this.reopenWindow = reopenWindow;
            this.autoCloseDelay = autoCloseDelay;
        }

        private void move(TicketStatus to, Instant at) {
            TicketStatus from = status;
            status = to;
            if (to == RESOLVED) {
                resolvedAt = Optional.of(at);
            } else if (from == RESOLVED && to != CLOSED) {
                resolvedAt = Optional.empty(); // reopened
            }
            if (to == CLOSED) {
                closedAt = Optional.of(at);
            }
            publicSystem++; // status changes are visible to the customer
            transitionsThisStep++;
        }

        Outcome step(
                Who who,
                Action action,
                TicketStatus target,
                Assignee assignTo,
                boolean resolution,
                Priority newPriority,
                Instant rawNow) {
            Instant at = rawNow.truncatedTo(ChronoUnit.MICROS);
            transitionsThisStep = 0;
            if (action == Action.ADVANCE_CLOCK) {
                return Outcome.UNCHANGED;
            }
            if (!who.mayReachTheTicket()) {
                return Outcome.NOT_FOUND;
            }
            Outcome outcome = decide(who, action, target, assignTo, resolution, newPriority, at);
            if (outcome == Outcome.CHANGED) {
                version++;
            }
            return outcome;
        }

        private Outcome decide(
                Who who,
                Action action,
                TicketStatus target,
                Assignee assignTo,
                boolean resolution,
                Priority newPriority,
                Instant at) {
            boolean closed = status == CLOSED;
            switch (action) {
                case STAFF_STATUS:
                    if (!who.isStaff()) {
                        return Outcome.FORBIDDEN;
                    }
                    if (!closed && target == status) {
                        return Outcome.UNCHANGED;
                    }
                    if (!STAFF_MAY_MOVE.get(status).contains(target)) {
                        allowedTargets = STAFF_MAY_MOVE.get(status);
                        return Outcome.INVALID_TRANSITION;
                    }
                    move(target, at);
                    return Outcome.CHANGED;
                case REPLY:
                    if (closed) {
                        return Outcome.TICKET_CLOSED;
                    }
                    if (who == Who.SYSTEM) {
                        return Outcome.FORBIDDEN;
                    }
                    if (who.isCustomer() && resolution) {
                        return Outcome.VALIDATION_FAILED;
                    }
                    if (who.isCustomer()
                            && status == RESOLVED
                            && at.isAfter(resolvedAt.get().plus(reopenWindow))) {
                        return Outcome.FOLLOW_UP_REQUIRED;
                    }
                    publicReplies++;
                    if (who.isCustomer()) {
                        if (status == WAITING_ON_CUSTOMER || status == RESOLVED) {
                            move(IN_PROGRESS, at);
                        }
                    } else {
                        if (firstRespondedAt.isEmpty()) {
                            firstRespondedAt = Optional.of(at);
                        }
                        if (status == NEW) {
                            move(IN_PROGRESS, at);
                        }
                    }
                    return Outcome.CHANGED;
                case NOTE:
                    if (closed) {
                        return Outcome.TICKET_CLOSED;
                    }
                    if (!who.isStaff()) {
                        return Outcome.FORBIDDEN;
                    }
                    internalNotes++;
                    return Outcome.CHANGED;
                case ASSIGN:
                    if (closed) {
                        return Outcome.TICKET_CLOSED;
                    }
                    if (!who.isStaff()) {
                        return Outcome.FORBIDDEN;
                    }
                    if (assignTo != Assignee.NOBODY && !assignTo.assignable()) {
                        return Outcome.VALIDATION_FAILED;
                    }
                    if (assignTo == assignee) {
                        return Outcome.UNCHANGED;
                    }
                    assignee = assignTo;
                    internalSystem++; // assignment messages are not for the customer
                    if (assignTo != Assignee.NOBODY && status == NEW) {
                        move(IN_PROGRESS, at);
                    }
                    return Outcome.CHANGED;
                case CUSTOMER_CLOSE:
                    if (who != Who.REQUESTER) {
                        return Outcome.FORBIDDEN; // an organisation mate may not close or confirm (§17)
                    }
                    if (closed) {
                        allowedTargets = Set.of();
                        return Outcome.INVALID_TRANSITION;
                    }
                    move(CLOSED, at);
                    return Outcome.CHANGED;
                case AUTO_CLOSE:
                    if (who != Who.SYSTEM) {
                        return Outcome.FORBIDDEN;
                    }
                    if (status == RESOLVED && at.isAfter(resolvedAt.get().plus(autoCloseDelay))) {
                        move(CLOSED, at);
                        return Outcome.CHANGED;
                    }
                    return Outcome.UNCHANGED;
                case ESCALATE:
                    if (closed) {
                        return Outcome.TICKET_CLOSED;
                    }
                    if (who.isCustomer()) {
                        return Outcome.FORBIDDEN;
                    }
                    if (escalated) {
                        return Outcome.UNCHANGED;
                    }
                    escalated = true;
                    internalSystem++;
                    return Outcome.CHANGED;
                case DEESCALATE:
                    if (closed) {
                        return Outcome.TICKET_CLOSED;
                    }
                    if (!who.isStaff()) {
                        return Outcome.FORBIDDEN;
                    }
                    if (!escalated) {
                        return Outcome.UNCHANGED;
                    }
                    escalated = false;
                    internalSystem++;
                    return Outcome.CHANGED;
                case PRIORITY:
                    if (closed) {
                        return Outcome.TICKET_CLOSED;
                    }
                    if (!who.isStaff()) {
                        return Outcome.FORBIDDEN;
                    }
                    if (newPriority == priority) {
                        return Outcome.UNCHANGED;
                    }
                    priority = newPriority;
                    return Outcome.CHANGED;
                default:
                    throw new IllegalStateException(action.name());
            }
        }
    }

    // ---- the system under test ----------------------------------------------------------------------------------

    private static final Organization SHARED = Fixtures.organization(Fixtures.TENANT, true);
    private static final Person REQUESTER = Fixtures.member(SHARED, "Rita Requester");
    private static final Person ORG_MATE = Fixtures.member(SHARED, "Otto Orgmate");
    private static final Person OTHER_CUSTOMER = Fixtures.customer(Fixtures.TENANT, "Olga Other");
    private static final Person AGENT = Fixtures.agent(Fixtures.TENANT);
    private static final Person ADMIN = Fixtures.admin(Fixtures.TENANT);
    private static final Person RETIRED = Fixtures.deactivatedAgent(Fixtures.TENANT, "Rex Retired");
    private static final Person FOREIGN = Fixtures.agent(Fixtures.OTHER_TENANT, "Fay Foreign");

    private static Actor actor(Who who) {
        switch (who) {
            case REQUESTER:
                return Fixtures.asCustomer(REQUESTER, SHARED);
            case ORG_MATE:
                return Fixtures.asCustomer(ORG_MATE, SHARED);
            case OTHER_CUSTOMER:
                return Fixtures.asCustomer(OTHER_CUSTOMER);
            case AGENT:
                return Fixtures.asStaff(AGENT);
            case ADMIN:
                return Fixtures.asStaff(ADMIN);
            case SYSTEM:
                return Fixtures.system(Fixtures.TENANT);
            case FOREIGN_AGENT:
                return Fixtures.asStaff(FOREIGN);
            default:
                throw new IllegalStateException(who.name());
        }
    }

    private static Optional<Person> person(Assignee assignee) {
        switch (assignee) {
            case NOBODY:
                return Optional.empty();
            case AGENT:
                return Optional.of(AGENT);
            case ADMIN:
                return Optional.of(ADMIN);
            case DEACTIVATED_AGENT:
                return Optional.of(RETIRED);
            case CUSTOMER:
                return Optional.of(OTHER_CUSTOMER);
            case FOREIGN_AGENT:
                return Optional.of(FOREIGN);
            default:
                throw new IllegalStateException(assignee.name());
        }
    }

    private static Optional<UserId> userId(Assignee assignee) {
        return person(assignee).map(Person::id);
    }

    private static Outcome classify(RuntimeException e) {
        if (e instanceof Forbidden) {
            return Outcome.FORBIDDEN;
        }
        if (e instanceof ValidationFailed) {
            return Outcome.VALIDATION_FAILED;
        }
        if (e instanceof InvalidTransition) {
            return Outcome.INVALID_TRANSITION;
        }
        if (e instanceof TicketClosed) {
            return Outcome.TICKET_CLOSED;
        }
        if (e instanceof FollowUpRequired) {
            return Outcome.FOLLOW_UP_REQUIRED;
        }
        return Outcome.UNEXPECTED;
    }

    // ---- the run ------------------------------------------------------------------------------------------------

    @Test
    void random_sequences_of_actions_never_diverge_from_the_reference_model() {
        String property = System.getProperty("lifecycle.seed");
        long seed =
                property != null && !property.isBlank() ? Long.parseLong(property.strip()) : new Random().nextLong();
        Random master = new Random(seed);
        long steps = 0;
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            steps += runSequence(seed, sequence, new Random(master.nextLong()));
        }
        assertThat(steps).as("seed %d: steps run", seed).isGreaterThan(SEQUENCES);
        if (SEQUENCES >= 3_000) {
            // Guard against a vacuous run: the walk must have crossed every allowed cell and met every refusal.
            assertThat(tally)
                    .as("lifecycle.seed=%d: cells and outcomes the run exercised", seed)
                    .containsKeys(ALLOWED_CELLS)
                    .containsKeys(
                            "REPLY:FOLLOW_UP_REQUIRED",
                            "REPLY:TICKET_CLOSED",
                            "REPLY:VALIDATION_FAILED",
                            "REPLY:NOT_FOUND",
                            "STAFF_STATUS:INVALID_TRANSITION",
                            "STAFF_STATUS:FORBIDDEN",
                            "CUSTOMER_CLOSE:FORBIDDEN",
                            "CUSTOMER_CLOSE:INVALID_TRANSITION",
                            "AUTO_CLOSE:UNCHANGED",
                            "ASSIGN:VALIDATION_FAILED",
                            "ASSIGN:UNCHANGED",
                            "DEESCALATE:CHANGED",
                            "PRIORITY:TICKET_CLOSED");
        }
    }

    /** The 27 allowed (from, to, trigger) cells of §4, as the run's tally names them. */
    private static final String[] ALLOWED_CELLS = {
        "NEW->IN_PROGRESS:STAFF",
        "NEW->WAITING_ON_CUSTOMER:STAFF",
        "NEW->ON_HOLD:STAFF",
        "NEW->RESOLVED:STAFF",
        "NEW->CLOSED:STAFF",
        "NEW->CLOSED:CUSTOMER_CLOSE",
        "IN_PROGRESS->WAITING_ON_CUSTOMER:STAFF",
        "IN_PROGRESS->ON_HOLD:STAFF",
        "IN_PROGRESS->RESOLVED:STAFF",
        "IN_PROGRESS->CLOSED:STAFF",
        "IN_PROGRESS->CLOSED:CUSTOMER_CLOSE",
        "WAITING_ON_CUSTOMER->IN_PROGRESS:STAFF",
        "WAITING_ON_CUSTOMER->IN_PROGRESS:CUSTOMER_REPLY",
        "WAITING_ON_CUSTOMER->ON_HOLD:STAFF",
        "WAITING_ON_CUSTOMER->RESOLVED:STAFF",
        "WAITING_ON_CUSTOMER->CLOSED:STAFF",
        "WAITING_ON_CUSTOMER->CLOSED:CUSTOMER_CLOSE",
        "ON_HOLD->IN_PROGRESS:STAFF",
        "ON_HOLD->WAITING_ON_CUSTOMER:STAFF",
        "ON_HOLD->RESOLVED:STAFF",
        "ON_HOLD->CLOSED:STAFF",
        "ON_HOLD->CLOSED:CUSTOMER_CLOSE",
        "RESOLVED->IN_PROGRESS:STAFF",
        "RESOLVED->IN_PROGRESS:CUSTOMER_REPLY",
        "RESOLVED->CLOSED:STAFF",
        "RESOLVED->CLOSED:CUSTOMER_CLOSE",
        "RESOLVED->CLOSED:AUTO_CLOSE",
    };

    private final Map<String, Integer> tally = new java.util.TreeMap<>();

    private void count(String key) {
        tally.merge(key, 1, Integer::sum);
    }

    /** Actions weighted so that walks live long enough to reach resolved, reopen, and the time boundaries. */
    private static final List<Action> WEIGHTED_ACTIONS = weighted(Map.of(
            Action.STAFF_STATUS, 5,
            Action.REPLY, 4,
            Action.NOTE, 1,
            Action.ASSIGN, 2,
            Action.CUSTOMER_CLOSE, 1,
            Action.AUTO_CLOSE, 3,
            Action.ESCALATE, 1,
            Action.DEESCALATE, 1,
            Action.PRIORITY, 1,
            Action.ADVANCE_CLOCK, 4));

    private static List<Action> weighted(Map<Action, Integer> weights) {
        List<Action> actions = new java.util.ArrayList<>();
        for (Action action : Action.values()) {
            for (int i = 0; i < weights.get(action); i++) {
                actions.add(action);
            }
        }
        return List.copyOf(actions);
    }

    private static final List<Duration> PERIODS =
            List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14));

    private int runSequence(long seed, int sequence, Random random) {
        Duration window = PERIODS.get(random.nextInt(PERIODS.size()));
        Duration delay = PERIODS.get(random.nextInt(PERIODS.size()));
        Changes changes = Changes.startingAt(
                Changes.T0.plusSeconds(random.nextInt(1_000_000)).plusNanos(random.nextInt(1_000_000_000)));
        Model model = new Model(window, delay);
        Deque<String> trace = new ArrayDeque<>();
        trace.add("window=" + window + " delay=" + delay + " start=" + changes.now());

        Ticket ticket = Ticket.file(newTicket(), changes.by(actor(Who.REQUESTER)));
        TicketState stored = ticket.state();
        int steps = 1 + random.nextInt(MAX_STEPS);
        int[] seen = new int[4]; // public replies, internal notes, public system, internal system
        for (int step = 0; step < steps; step++) {
            Action action = WEIGHTED_ACTIONS.get(random.nextInt(WEIGHTED_ACTIONS.size()));
            Who who = pickActor(action, random);
            // Closing ends the walk, so staff pick it less often than the other statuses.
            TicketStatus target = TicketStatus.values()[
                    random.nextInt(TicketStatus.values().length - (random.nextInt(3) == 0 ? 0 : 1))];
            Assignee assignTo = random.nextInt(4) == 0
                    ? Assignee.values()[random.nextInt(Assignee.values().length)]
                    : (random.nextBoolean() ? Assignee.AGENT : Assignee.ADMIN);
            if (random.nextInt(6) == 0) {
                assignTo = Assignee.NOBODY;
            }
            boolean resolution = random.nextInt(8) == 0;
            Priority priority = Priority.values()[random.nextInt(Priority.values().length)];
            if (action == Action.ADVANCE_CLOCK) {
                advance(changes, model, random);
            }
            String line = action == Action.ADVANCE_CLOCK
                    ? String.format("#%d clock advanced to %s (status %s)", step, changes.now(), model.status)
                    : String.format(
                            "#%d %s by %s%s at %s (status %s)",
                            step,
                            action,
                            who,
                            detail(action, target, assignTo, resolution, priority),
                            changes.now(),
                            model.status);

            Model expected = model;
            Outcome expectedOutcome = expected.step(who, action, target, assignTo, resolution, priority, changes.now());

            ticket = Ticket.restore(stored);
            Actor actor = actor(who);
            Outcome actual;
            Set<TicketStatus> actualTargets = Set.of();
            String unexpected = "";
            if (action == Action.ADVANCE_CLOCK) {
                actual = Outcome.UNCHANGED;
            } else if (!TicketAccess.canSee(actor, stored)) {
                actual = Outcome.NOT_FOUND;
            } else {
                try {
                    Optional<Boolean> answered =
                            perform(ticket, action, changes.by(actor), target, assignTo, resolution, priority, model);
                    actual = ticket.events().isEmpty() ? Outcome.UNCHANGED : Outcome.CHANGED;
                    if (answered.isPresent()) {
                        Outcome answeredOutcome = answered.get() ? Outcome.CHANGED : Outcome.UNCHANGED;
                        assertThat(answeredOutcome)
                                .as(describe(seed, sequence, trace, line, "the boolean answer agrees with the events"))
                                .isEqualTo(actual);
                    }
                } catch (RuntimeException e) {
                    actual = classify(e);
                    unexpected = e.toString();
                    if (e instanceof InvalidTransition) {
                        actualTargets = ((InvalidTransition) e).allowedTargets();
                    }
                    assertThat(ticket.state())
                            .as(describe(seed, sequence, trace, line, "a refusal changes nothing"))
                            .isEqualTo(stored);
                    assertThat(ticket.events())
                            .as(describe(seed, sequence, trace, line, "a refusal records nothing"))
                            .isEmpty();
                }
            }
            count(action + ":" + actual);
            if (actual == Outcome.CHANGED) {
                ticket.events().stream()
                        .filter(StatusChanged.class::isInstance)
                        .map(StatusChanged.class::cast)
                        .forEach(moved -> count(moved.from() + "->" + moved.to() + ":" + moved.trigger()));
            }
            trace.add(line + " -> " + actual + (unexpected.isEmpty() ? "" : " " + unexpected));
            if (trace.size() > 50) {
                trace.removeFirst();
            }

            assertThat(actual)
                    .as(describe(seed, sequence, trace, line, "outcome (" + unexpected + ")"))
                    .isEqualTo(expectedOutcome);
            if (actual == Outcome.INVALID_TRANSITION) {
                assertThat(actualTargets)
                        .as(describe(seed, sequence, trace, line, "allowed targets"))
                        .isEqualTo(model.allowedTargets);
            }
            if (actual == Outcome.CHANGED || actual == Outcome.UNCHANGED) {
                for (Message message : ticket.newMessages()) {
                    if (message.kind() == MessageKind.PUBLIC) {
                        seen[0]++;
                    } else if (message.kind() == MessageKind.INTERNAL) {
                        seen[1]++;
                    } else if (message.customerVisible()) {
                        seen[2]++;
                    } else {
                        seen[3]++;
                    }
                }
                long statusEvents = ticket.events().stream()
                        .filter(StatusChanged.class::isInstance)
                        .count();
                assertThat(statusEvents)
                        .as(describe(seed, sequence, trace, line, "status_changed events in this step"))
                        .isEqualTo(model.transitionsThisStep);
                stored = ticket.state();
            }
            compare(seed, sequence, trace, line, model, stored, seen);
        }
        return steps;
    }

    private static void compare(
            long seed, int sequence, Deque<String> trace, String line, Model model, TicketState state, int[] seen) {
        Supplier<String> where = describe(seed, sequence, trace, line, "state");
        assertThat(state.status()).as(where).isEqualTo(model.status);
        assertThat(state.sla().resolvedAt()).as(where).isEqualTo(model.resolvedAt);
        assertThat(state.sla().closedAt()).as(where).isEqualTo(model.closedAt);
        assertThat(state.sla().firstRespondedAt()).as(where).isEqualTo(model.firstRespondedAt);
        assertThat(state.assignee()).as(where).isEqualTo(userId(model.assignee));
        assertThat(state.assignedAt().isPresent()).as(where).isEqualTo(model.assignee != Assignee.NOBODY);
        assertThat(state.isEscalated()).as(where).isEqualTo(model.escalated);
        assertThat(state.priority()).as(where).isEqualTo(model.priority);
        assertThat(state.version()).as(where).isEqualTo(model.version);
        assertThat(seen)
                .as(describe(
                        seed, sequence, trace, line, "messages [public, internal, system public, system internal]"))
                .containsExactly(model.publicReplies, model.internalNotes, model.publicSystem, model.internalSystem);
        assertThat(state.messagesCount())
                .as(where)
                .isEqualTo(model.publicReplies + model.internalNotes + model.publicSystem + model.internalSystem);
    }

    private static Optional<Boolean> perform(
            Ticket ticket,
            Action action,
            ChangeContext change,
            TicketStatus target,
            Assignee assignTo,
            boolean resolution,
            Priority priority,
            Model model) {
        switch (action) {
            case STAFF_STATUS:
                return Optional.of(ticket.changeStatus(target, Optional.of("random"), change));
            case REPLY:
                ticket.reply(new Body("a reply"), Via.PORTAL, resolution, model.reopenWindow, change);
                return Optional.empty();
            case NOTE:
                ticket.addInternalNote(new Body("a note"), Via.API, change);
                return Optional.empty();
            case ASSIGN:
                return Optional.of(ticket.assign(person(assignTo), change));
            case CUSTOMER_CLOSE:
                ticket.closeAsCustomer(Optional.empty(), change);
                return Optional.empty();
            case AUTO_CLOSE:
                return Optional.of(ticket.autoCloseIfDue(model.autoCloseDelay, change));
            case ESCALATE:
                return Optional.of(ticket.escalate("random escalation", change));
            case DEESCALATE:
                return Optional.of(ticket.deescalate(change));
            case PRIORITY:
                return Optional.of(ticket.changePriority(priority, change));
            default:
                throw new IllegalStateException(action.name());
        }
    }

    /** Mostly the actor the action is meant for, sometimes anyone, so refusals are exercised too. */
    private static Who pickActor(Action action, Random random) {
        if (random.nextInt(10) < 3) {
            return Who.values()[random.nextInt(Who.values().length)];
        }
        switch (action) {
            case REPLY:
                return List.of(Who.REQUESTER, Who.ORG_MATE, Who.AGENT, Who.ADMIN)
                        .get(random.nextInt(4));
            case CUSTOMER_CLOSE:
                return random.nextInt(5) == 0 ? Who.ORG_MATE : Who.REQUESTER;
            case AUTO_CLOSE:
                return Who.SYSTEM;
            case ESCALATE:
                return random.nextBoolean() ? Who.SYSTEM : Who.AGENT;
            default:
                return random.nextBoolean() ? Who.AGENT : Who.ADMIN;
        }
    }

    /** Random jumps, biased to land on and just around the reopen window and auto-close boundaries. */
    private static void advance(Changes changes, Model model, Random random) {
        int kind = random.nextInt(6);
        if (kind >= 3 && model.resolvedAt.isPresent()) {
            Duration period = random.nextBoolean() ? model.reopenWindow : model.autoCloseDelay;
            long[] offsetsNanos = {-1_000, 0, 999, 1_000};
            Instant boundary = model.resolvedAt.get().plus(period).plusNanos(offsetsNanos[random.nextInt(4)]);
            if (boundary.isAfter(changes.now())) {
                changes.setNow(boundary);
                return;
            }
        }
        switch (kind % 3) {
            case 0:
                changes.advance(Duration.ofSeconds(random.nextInt(120)).plusNanos(random.nextInt(1_000_000_000)));
                break;
            case 1:
                changes.advance(Duration.ofMinutes(random.nextInt(48 * 60)));
                break;
            default:
                changes.advance(Duration.ofHours(random.nextInt(24 * 10)));
        }
    }

    private static String detail(
            Action action, TicketStatus target, Assignee assignTo, boolean resolution, Priority priority) {
        switch (action) {
            case STAFF_STATUS:
                return " -> " + target;
            case ASSIGN:
                return " to " + assignTo;
            case REPLY:
                return resolution ? " (is_resolution)" : "";
            case PRIORITY:
                return " = " + priority;
            default:
                return "";
        }
    }

    private static Supplier<String> describe(long seed, int sequence, Deque<String> trace, String line, String what) {
        return () -> "lifecycle.seed=" + seed + " sequence " + sequence + ", " + what + " after " + line
                + "\n  trace (rerun with -Dlifecycle.seed=" + seed + "):\n    " + String.join("\n    ", trace) + "\n";
    }

    private static NewTicket newTicket() {
        return new NewTicket(
                new TicketId(SequentialIds.uuid(1_000_000)),
                new TicketNumber(2026, 1),
                new Subject("Random walk"),
                new Description("A ticket that goes wherever the dice say."),
                new Category("question"),
                Priority.MEDIUM,
                REQUESTER.id(),
                REQUESTER.organization(),
                TicketSource.PORTAL,
                PortalContext.NONE,
                CustomFields.EMPTY,
                Optional.empty(),
                1,
                1);
    }
}
