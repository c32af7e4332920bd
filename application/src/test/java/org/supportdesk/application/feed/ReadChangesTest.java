package org.supportdesk.application.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The change feed over the in-memory core: one event per journalled change, cursors 1, 2, 3 … per tenant, staff told
 * everything, a customer only of their own tickets and only what their projection shows.
 */
class ReadChangesTest extends UseCaseTest {
    private static final String NOTE_CANARY = "canary-note-7f3a";

    @Test
    void every_change_appends_one_event_in_cursor_order_and_staff_read_them_all() {
        TicketState ticket = aTicket();
        reply(acme.agentActor(), ticket.id(), "On our way");
        note(ticket.id(), NOTE_CANARY);
        assign(ticket);

        ReadChanges.Changes changes = read(acme.agentActor(), OptionalLong.empty(), 100);

        assertThat(changes.items())
                .extracting(FeedItem::type)
                .containsSubsequence("ticket_created", "message_added", "message_added", "ticket_assigned");
        assertThat(changes.items())
                .extracting(FeedItem::cursor)
                .containsExactly(java.util.stream.LongStream.rangeClosed(
                                1, changes.items().size())
                        .boxed()
                        .toArray(Long[]::new));
        assertThat(changes.nextCursor()).isEqualTo(changes.items().size());
        assertThat(changes.items())
                .filteredOn(item -> item.ticket().isPresent())
                .allSatisfy(item -> assertThat(item.version()).isPresent());
        assertThat(read(acme.agentActor(), OptionalLong.of(changes.nextCursor()), 100)
                        .items())
                .isEmpty();
        assertThat(read(globex.agentActor(), OptionalLong.empty(), 100).items())
                .extracting(FeedItem::type)
                .containsExactly("tenant_created");
    }

    @Test
    void a_customer_is_told_of_their_tickets_public_changes_only() {
        TicketState mine = aTicket();
        reply(acme.agentActor(), mine.id(), "Public answer");
        note(mine.id(), NOTE_CANARY);
        assign(mine);
        moveTo(mine.id(), TicketStatus.RESOLVED);

        List<FeedItem> told =
                read(acme.customerActor(), OptionalLong.empty(), 100).items();

        assertThat(told)
                .extracting(FeedItem::type)
                .containsSubsequence("ticket_created", "message_added", "status_changed", "status_changed")
                .containsOnly("ticket_created", "message_added", "status_changed");
        assertThat(told).allSatisfy(item -> {
            assertThat(item.version()).isEmpty();
            assertThat(item.data())
                    .doesNotContain(
                            NOTE_CANARY, "assignee", acme.agent.id().value().toString());
        });
        assertThat(read(acme.asCustomer(acme.otherCustomer), OptionalLong.empty(), 100)
                        .items())
                .isEmpty();
        assertThat(read(acme.asCustomer(acme.colleague), OptionalLong.empty(), 100)
                        .items())
                .isEqualTo(told);
    }

    @Test
    void a_deleted_ticket_leaves_its_customer_a_tombstone() {
        TicketState mine = aTicket();
        core.desk().deleteTicket().handle(new DeleteTicket.Command(acme.adminActor(), mine.id(), Optional.empty()));

        assertThat(read(acme.customerActor(), OptionalLong.empty(), 100).items())
                .extracting(FeedItem::type)
                .containsExactly("ticket_created", "ticket_deleted");
    }

    @Test
    void next_cursor_goes_on_after_the_last_item_or_past_what_was_looked_through() {
        for (int i = 0; i < 5; i++) {
            aTicket();
        }
        ReadChanges.Changes firstTwo = read(acme.agentActor(), OptionalLong.empty(), 2);
        assertThat(firstTwo.items()).hasSize(2);
        assertThat(firstTwo.nextCursor()).isEqualTo(firstTwo.items().get(1).cursor());

        List<FeedItem> otherCustomers = read(acme.asCustomer(acme.otherCustomer), OptionalLong.empty(), 2)
                .items();
        assertThat(otherCustomers).isEmpty();
        assertThat(read(acme.asCustomer(acme.otherCustomer), OptionalLong.empty(), 2)
                        .nextCursor())
                .isEqualTo(core.read(acme.tenant, () -> core.changeFeed.newest(acme.tenant)));
    }

    @Test
    void a_cursor_the_feed_never_gave_or_whose_events_are_gone_is_refused() {
        aTicket();
        long newest = read(acme.agentActor(), OptionalLong.empty(), 100).nextCursor();

        assertThatThrownBy(() -> read(acme.agentActor(), OptionalLong.of(newest + 1), 10))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("after");
        assertThatThrownBy(() -> read(globex.agentActor(), OptionalLong.of(newest), 10))
                .isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> new ReadChanges.Command(acme.agentActor(), OptionalLong.of(-1), 10))
                .isInstanceOf(ValidationFailed.class);

        core.clock.advance(java.time.Duration.ofDays(1));
        aTicket();
        core.read(acme.tenant, () -> core.changeFeed.purgeOlderThan(acme.tenant, core.clock.instant()));
        assertThatThrownBy(() -> read(acme.agentActor(), OptionalLong.of(0), 10))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("expired");
        assertThat(read(acme.agentActor(), OptionalLong.empty(), 10).items())
                .extracting(FeedItem::cursor)
                .containsExactly(newest + 1);
    }

    private void assign(TicketState ticket) {
        core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.agentActor(), ticket.id(), Optional.of(acme.agent.id()), Optional.empty()));
    }

    private ReadChanges.Changes read(Actor actor, OptionalLong after, int limit) {
        return core.useCases.live().readChanges().handle(new ReadChanges.Command(actor, after, limit));
    }
}
