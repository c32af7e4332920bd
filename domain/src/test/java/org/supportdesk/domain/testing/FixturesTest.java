package org.supportdesk.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.domain.testing.TicketBuilder.aTicket;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

class FixturesTest {

    @Test
    void sequential_ids_are_distinct_and_sort_in_the_order_they_were_made() {
        SequentialIds ids = SequentialIds.startingAtOne();
        List<UUID> made = Stream.generate(ids).limit(100).collect(Collectors.toList());

        assertThat(made).doesNotHaveDuplicates().startsWith(SequentialIds.uuid(1));
        assertThat(made.stream().map(MessageId::new).collect(Collectors.toList()))
                .isSortedAccordingTo(MessageId::compareTo);
        assertThat(made.stream().map(UUID::toString).collect(Collectors.toList()))
                .isSorted();
        assertThat(made.get(0).version()).isEqualTo(7);
    }

    @Test
    void the_same_name_gives_the_same_person_and_two_names_two_people() {
        assertThat(Fixtures.customer(Fixtures.TENANT)).isEqualTo(Fixtures.customer(Fixtures.TENANT));
        assertThat(Fixtures.customer(Fixtures.TENANT, "Bo").id())
                .isNotEqualTo(Fixtures.customer(Fixtures.TENANT, "Cy").id());
        assertThat(Fixtures.customer(Fixtures.TENANT).id())
                .isNotEqualTo(Fixtures.customer(Fixtures.OTHER_TENANT).id());
        assertThat(Fixtures.deactivatedAgent(Fixtures.TENANT, "Old Timer").isAssignable())
                .isFalse();
    }

    @Test
    void changes_truncate_to_microseconds_and_advance_on_request() {
        Changes changes = Changes.atT0();
        changes.advance(Duration.ofNanos(1_999));

        assertThat(changes.by(Fixtures.system(Fixtures.TENANT)).at()).isEqualTo(Changes.T0.plusNanos(1_000));
        assertThat(changes.now()).isEqualTo(Changes.T0.plusNanos(1_999));
    }

    @Test
    void a_built_ticket_round_trips_through_restore_and_state() {
        Person customer = Fixtures.customer(Fixtures.TENANT, "Round Trip");
        TicketState state = aTicket()
                .requestedBy(customer)
                .withStatus(TicketStatus.ON_HOLD)
                .withPriority(Priority.URGENT)
                .assignedTo(Fixtures.agent(Fixtures.TENANT))
                .withTags("printer", "fire")
                .atVersion(7)
                .state();

        Ticket ticket = Ticket.restore(state);

        assertThat(ticket.state()).isEqualTo(state);
        assertThat(ticket.isNew()).isFalse();
        assertThat(ticket.persistedVersion()).isEqualTo(7);
    }

    @Test
    void resolved_and_closed_tickets_get_the_timestamps_their_status_implies() {
        assertThat(aTicket().withStatus(TicketStatus.RESOLVED).state().sla().resolvedAt())
                .contains(Changes.T0.plus(Duration.ofHours(1)));
        assertThat(aTicket().withStatus(TicketStatus.CLOSED).state().sla().closedAt())
                .contains(Changes.T0.plus(Duration.ofHours(1)));
        assertThat(aTicket().resolvedAt(Changes.T0.plusSeconds(5)).state().status())
                .isEqualTo(TicketStatus.RESOLVED);
    }
}
