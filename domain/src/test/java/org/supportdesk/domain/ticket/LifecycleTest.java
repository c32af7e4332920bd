package org.supportdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.supportdesk.domain.testing.TicketBuilder.aTicket;
import static org.supportdesk.domain.ticket.TicketStatus.CLOSED;
import static org.supportdesk.domain.ticket.TicketStatus.IN_PROGRESS;
import static org.supportdesk.domain.ticket.TicketStatus.NEW;
import static org.supportdesk.domain.ticket.TicketStatus.ON_HOLD;
import static org.supportdesk.domain.ticket.TicketStatus.RESOLVED;
import static org.supportdesk.domain.ticket.TicketStatus.WAITING_ON_CUSTOMER;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.domain.problem.ProblemCode;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;

/**
 * Every cell of the §4 table, for every trigger. The expectations are the spec's table copied as text, cell by cell,
 * and parsed here; nothing is derived from {@link Lifecycle}.
 */
class LifecycleTest {

    // §4, transcribed literally. Columns: new, in_progress, waiting_on_customer, on_hold, resolved, closed.
    private static final String[][] SPEC_TABLE = {
        /* new                 */ {"—", "staff", "staff", "staff", "staff", "staff, customer close"},
        /* in_progress         */ {"—", "—", "staff", "staff", "staff", "staff, customer close"},
        /* waiting_on_customer */ {"—", "staff, customer reply", "—", "staff", "staff", "staff, customer close"},
        /* on_hold             */ {"—", "staff", "staff", "—", "staff", "staff, customer close"},
        /* resolved            */ {
            "—", "staff, customer reply (reopen)", "—", "—", "—", "staff, customer confirm, auto-close"
        },
        /* closed: terminal    */ {"—", "—", "—", "—", "—", "—"},
    };
    private static final TicketStatus[] ORDER = {NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED, CLOSED};

    private static final Map<TicketStatus, Map<TicketStatus, Set<Trigger>>> EXPECTED = parse();

    private static Map<TicketStatus, Map<TicketStatus, Set<Trigger>>> parse() {
        Map<TicketStatus, Map<TicketStatus, Set<Trigger>>> table = new EnumMap<>(TicketStatus.class);
        for (int row = 0; row < ORDER.length; row++) {
            Map<TicketStatus, Set<Trigger>> cells = new EnumMap<>(TicketStatus.class);
            for (int column = 0; column < ORDER.length; column++) {
                cells.put(ORDER[column], triggersIn(SPEC_TABLE[row][column]));
            }
            table.put(ORDER[row], cells);
        }
        return table;
    }

    private static Set<Trigger> triggersIn(String cell) {
        Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
        if (cell.equals("—")) {
            return triggers;
        }
        for (String word : cell.split(",")) {
            switch (word.strip()) {
                case "staff":
                    triggers.add(Trigger.STAFF);
                    break;
                case "customer reply":
                case "customer reply (reopen)":
                    triggers.add(Trigger.CUSTOMER_REPLY);
                    break;
                case "customer close":
                case "customer confirm":
                    triggers.add(Trigger.CUSTOMER_CLOSE);
                    break;
                case "auto-close":
                    triggers.add(Trigger.AUTO_CLOSE);
                    break;
                default:
                    throw new IllegalStateException("not a trigger of the §4 table: " + word);
            }
        }
        return triggers;
    }

    private static boolean expectedAllowed(TicketStatus from, TicketStatus to, Trigger by) {
        return EXPECTED.get(from).get(to).contains(by);
    }

    private static Set<TicketStatus> expectedTargets(TicketStatus from, Trigger by) {
        Set<TicketStatus> targets = EnumSet.noneOf(TicketStatus.class);
        for (TicketStatus to : TicketStatus.values()) {
            if (expectedAllowed(from, to, by)) {
                targets.add(to);
            }
        }
        return targets;
    }

    /** All 6 × 6 × 4 = 144 (from, to, trigger) combinations with the spec's verdict. */
    static Stream<Arguments> every_cell_for_every_trigger() {
        List<Arguments> cases = new ArrayList<>();
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                for (Trigger by : Trigger.values()) {
                    cases.add(Arguments.of(from, to, by, expectedAllowed(from, to, by)));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> every_from_and_trigger() {
        List<Arguments> cases = new ArrayList<>();
        for (TicketStatus from : TicketStatus.values()) {
            for (Trigger by : Trigger.values()) {
                cases.add(Arguments.of(from, by));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> every_refused_cell() {
        return every_cell_for_every_trigger().filter(a -> !(Boolean) a.get()[3]);
    }

    static Stream<Arguments> every_staff_cell() {
        return every_cell_for_every_trigger().filter(a -> a.get()[2] == Trigger.STAFF);
    }

    @Test
    void the_transcribed_table_has_the_shape_of_the_spec() {
        assertThat(EXPECTED).hasSize(6);
        assertThat(EXPECTED.values()).allSatisfy(row -> assertThat(row).hasSize(6));
        long allowedCells =
                every_cell_for_every_trigger().filter(a -> (Boolean) a.get()[3]).count();
        // 19 staff cells (5 + 4 + 4 + 4 + 2), customer reply twice, customer close five times, auto-close once.
        assertThat(allowedCells).isEqualTo(19 + 2 + 5 + 1);
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}: allowed={3}")
    @MethodSource("every_cell_for_every_trigger")
    void each_cell_allows_exactly_the_triggers_the_spec_names(
            TicketStatus from, TicketStatus to, Trigger by, boolean allowed) {
        assertThat(Lifecycle.allows(from, to, by)).isEqualTo(allowed);
        assertThat(Lifecycle.triggers(from, to).contains(by)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}: allowed={3}")
    @MethodSource("every_cell_for_every_trigger")
    void check_passes_allowed_moves_and_refuses_the_others(
            TicketStatus from, TicketStatus to, Trigger by, boolean allowed) {
        if (allowed) {
            Lifecycle.check(from, to, by);
        } else {
            assertThatThrownBy(() -> Lifecycle.check(from, to, by)).isInstanceOf(InvalidTransition.class);
        }
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @MethodSource("every_refused_cell")
    void a_refusal_names_exactly_the_allowed_targets(TicketStatus from, TicketStatus to, Trigger by) {
        InvalidTransition refusal = catchThrowableOfType(InvalidTransition.class, () -> Lifecycle.check(from, to, by));

        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo(ProblemCode.INVALID_TRANSITION);
        assertThat(refusal.from()).isEqualTo(from);
        assertThat(refusal.to()).isEqualTo(to);
        assertThat(refusal.allowedTargets()).isEqualTo(expectedTargets(from, by));
        Set<TicketStatus> expected = expectedTargets(from, by);
        if (expected.isEmpty()) {
            assertThat(refusal.detail()).endsWith("allowed: none");
        } else {
            expected.forEach(target -> assertThat(refusal.detail()).contains(target.wireName()));
        }
    }

    @ParameterizedTest(name = "from {0} by {1}")
    @MethodSource("every_from_and_trigger")
    void targets_lists_where_a_trigger_may_move_a_ticket(TicketStatus from, Trigger by) {
        assertThat(Lifecycle.targets(from, by)).isEqualTo(expectedTargets(from, by));
    }

    @ParameterizedTest
    @EnumSource(Trigger.class)
    void closed_is_terminal_for_every_trigger(Trigger by) {
        assertThat(Lifecycle.targets(CLOSED, by)).isEmpty();
    }

    @Test
    void nothing_ever_moves_a_ticket_back_to_new() {
        for (TicketStatus from : TicketStatus.values()) {
            assertThat(Lifecycle.triggers(from, NEW)).as("%s -> new", from).isEmpty();
        }
    }

    @Test
    void the_returned_sets_cannot_be_used_to_change_the_table() {
        assertThatThrownBy(() -> Lifecycle.targets(NEW, Trigger.STAFF).add(NEW))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Lifecycle.triggers(NEW, CLOSED).add(Trigger.AUTO_CLOSE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Lifecycle.triggers(CLOSED, NEW).add(Trigger.STAFF))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(Lifecycle.allows(CLOSED, NEW, Trigger.STAFF)).isFalse();
    }

    /** The aggregate reads the same table: staff status changes from every status to every status. */
    @ParameterizedTest(name = "staff: {0} -> {1}: allowed={3}")
    @MethodSource("every_staff_cell")
    void staff_status_changes_on_a_ticket_follow_the_table(
            TicketStatus from, TicketStatus to, Trigger by, boolean allowed) {
        Changes changes = Changes.atT0();
        Ticket ticket = aTicket().withStatus(from).build();
        ChangeContext agent = changes.by(Fixtures.asStaff(Fixtures.agent(Fixtures.TENANT)));

        if (from == to && from != CLOSED) {
            assertThat(ticket.changeStatus(to, Optional.empty(), agent)).isFalse();
            assertThat(ticket.events()).isEmpty();
        } else if (allowed) {
            assertThat(ticket.changeStatus(to, Optional.empty(), agent)).isTrue();
            assertThat(ticket.status()).isEqualTo(to);
        } else {
            InvalidTransition refusal = catchThrowableOfType(
                    InvalidTransition.class, () -> ticket.changeStatus(to, Optional.empty(), agent));
            assertThat(refusal).as("refused").isNotNull();
            assertThat(refusal.allowedTargets()).isEqualTo(expectedTargets(from, Trigger.STAFF));
            assertThat(ticket.status()).isEqualTo(from);
            assertThat(ticket.events()).isEmpty();
        }
    }
}
