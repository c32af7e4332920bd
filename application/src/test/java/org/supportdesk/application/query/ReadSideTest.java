package org.supportdesk.application.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.visibility.CustomerMessageView;
import org.supportdesk.domain.visibility.CustomerTicketView;

class ReadSideTest extends UseCaseTest {

    @Test
    void a_customers_updated_at_moves_only_with_changes_they_can_see() {
        TicketState ticket = aTicketIn(TicketStatus.IN_PROGRESS);
        GetCustomerTicket.Command read = new GetCustomerTicket.Command(acme.customerActor(), ticket.id());
        CustomerTicketView filed = core.portal().getTicket().handle(read);

        core.clock.advance(Duration.ofMinutes(5));
        note(ticket.id(), "Internal only");
        core.clock.advance(Duration.ofMinutes(5));
        core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.agentActor(), ticket.id(), Optional.of(acme.agent.id()), Optional.empty()));
        core.clock.advance(Duration.ofMinutes(5));
        core.desk()
                .escalateTicket()
                .handle(new EscalateTicket.Command(acme.agentActor(), ticket.id(), "VIP", Optional.empty()));
        CustomerTicketView afterInternalWork = core.portal().getTicket().handle(read);

        assertThat(stored(ticket).updatedAt()).isAfter(filed.updatedAt());
        assertThat(afterInternalWork.updatedAt()).isEqualTo(filed.updatedAt());
        assertThat(afterInternalWork.revision()).isEqualTo(filed.revision());

        core.clock.advance(Duration.ofMinutes(5));
        reply(acme.agentActor(), ticket.id(), "We are looking into it");
        CustomerTicketView answered = core.portal().getTicket().handle(read);
        assertThat(answered.updatedAt()).isEqualTo(core.clock.instant());
        assertThat(answered.revision()).isNotEqualTo(filed.revision());
    }

    @Test
    void staff_read_every_field_and_the_whole_conversation_in_order() {
        TicketState ticket = aTicket();
        customerReply(acme.customerActor(), ticket.id(), "Any news?");
        note(ticket.id(), "Secret plan");
        reply(acme.agentActor(), ticket.id(), "Working on it");

        TicketDetail detail = core.desk().getTicket().handle(new GetTicket.Command(acme.agentActor(), ticket.number()));

        assertThat(detail.ticket().id()).isEqualTo(ticket.id());
        assertThat(detail.messages())
                .extracting(m -> m.body().value())
                .containsExactly(
                        "Any news?",
                        "Secret plan",
                        "Working on it",
                        "Status changed from new to in_progress: first public reply");
        assertThat(detail.ticket().messagesCount()).isEqualTo(4);
    }

    @Test
    void customers_read_only_what_is_theirs_to_see() {
        TicketState ticket = aTicket();
        reply(acme.agentActor(), ticket.id(), "Working on it");
        note(ticket.id(), "Secret plan");
        core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.adminActor(), ticket.id(), Optional.of(acme.agent.id()), Optional.empty()));

        CustomerTicketView view =
                core.portal().getTicket().handle(new GetCustomerTicket.Command(acme.customerActor(), ticket.id()));

        assertThat(view.messages())
                .extracting(m -> m.body().value())
                .containsExactly("Working on it", "Status changed from new to in_progress: first public reply");
        assertThat(view.messagesCount()).isEqualTo(2);
        assertThat(view.toString()).doesNotContain("Secret plan").doesNotContain("Assigned");
        assertThat(core.portal()
                        .getTicket()
                        .handle(new GetCustomerTicket.Command(acme.asCustomer(acme.colleague), ticket.id()))
                        .id())
                .isEqualTo(ticket.id());
        assertThatThrownBy(() -> core.portal()
                        .getTicket()
                        .handle(new GetCustomerTicket.Command(acme.asCustomer(acme.otherCustomer), ticket.id())))
                .isInstanceOf(TicketNotFound.class);
        assertThatThrownBy(() -> core.portal()
                        .getTicket()
                        .handle(new GetCustomerTicket.Command(globex.customerActor(), ticket.id())))
                .isInstanceOf(TicketNotFound.class);
    }

    @Test
    void customer_message_pages_skip_internal_messages() {
        TicketState ticket = aTicket();
        for (int i = 1; i <= 3; i++) {
            customerReply(acme.customerActor(), ticket.id(), "Reply " + i);
            note(ticket.id(), "Note " + i);
        }

        Page<CustomerMessageView> page = core.portal()
                .listMessages()
                .handle(new ListCustomerMessages.Command(
                        acme.customerActor(), ticket.id(), PageRequest.ofMessages(2, 2)));
        Page<Message> staffPage = core.desk()
                .listMessages()
                .handle(new ListMessages.Command(acme.agentActor(), ticket.id(), PageRequest.ofMessages(1, 200)))
                .map(ListMessages.Posted::message);

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(m -> m.body().value()).containsExactly("Reply 3");
        assertThat(staffPage.total()).isEqualTo(6);
        assertThat(staffPage.items())
                .filteredOn(m -> m.kind() == MessageKind.INTERNAL)
                .hasSize(3);
    }

    @Test
    void staff_lists_filter_sort_and_count_exactly() {
        TicketState first = aTicket();
        core.clock.advance(Duration.ofMinutes(1));
        TicketState second = aTicketIn(TicketStatus.ON_HOLD);
        core.clock.advance(Duration.ofMinutes(1));
        TicketState third = aTicket();
        core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.adminActor(), third.id(), Optional.of(acme.agent.id()), Optional.empty()));

        assertThat(ids(list(TicketFilter.ALL, TicketSort.NEWEST_FIRST, 1, 2)))
                .containsExactly(third.id().toString(), second.id().toString());
        assertThat(list(TicketFilter.ALL, TicketSort.NEWEST_FIRST, 2, 2).total())
                .isEqualTo(3);
        assertThat(list(TicketFilter.ALL, TicketSort.NEWEST_FIRST, 2, 2).totalPages())
                .isEqualTo(2);
        assertThat(ids(list(TicketFilter.ALL, TicketSort.parse("created"), 1, 20)))
                .containsExactly(
                        first.id().toString(),
                        second.id().toString(),
                        third.id().toString());
        assertThat(ids(list(withStatuses(Set.of(TicketStatus.ON_HOLD)), TicketSort.NEWEST_FIRST, 1, 20)))
                .containsExactly(second.id().toString());
        assertThat(ids(list(
                        withAssignee(TicketFilter.AssigneeFilter.of(acme.agent.id())), TicketSort.NEWEST_FIRST, 1, 20)))
                .containsExactly(third.id().toString());
        assertThat(list(withAssignee(TicketFilter.AssigneeFilter.NONE), TicketSort.NEWEST_FIRST, 1, 20)
                        .total())
                .isEqualTo(2);
        assertThat(list(withText("TKT-2026-000002"), TicketSort.NEWEST_FIRST, 1, 20)
                        .items())
                .extracting(TicketState::id)
                .containsExactly(second.id());
    }

    @Test
    void staff_search_reaches_internal_notes_and_customer_search_never_does() {
        TicketState ticket = aTicket();
        note(ticket.id(), "zebra escalation code");

        assertThat(list(withText("zebra"), TicketSort.NEWEST_FIRST, 1, 20).total())
                .isEqualTo(1);
        Page<CustomerTicketView> customerHits = core.portal()
                .listTickets()
                .handle(new ListCustomerTickets.Command(
                        acme.customerActor(), Set.of(), Set.of(), Optional.of("zebra"), PageRequest.ofTickets(1, 20)));
        assertThat(customerHits.total()).isZero();
        Page<CustomerTicketView> own = core.portal()
                .listTickets()
                .handle(new ListCustomerTickets.Command(
                        acme.customerActor(),
                        Set.of(),
                        Set.of(),
                        Optional.of("printer"),
                        PageRequest.ofTickets(1, 20)));
        assertThat(own.items()).singleElement().satisfies(v -> {
            assertThat(v.messagesCount()).isZero();
            assertThat(v.messages()).isEmpty();
        });
    }

    @Test
    void customers_list_their_own_and_shared_organisation_tickets_only() {
        TicketState mine = aTicket();
        Page<CustomerTicketView> colleague = core.portal()
                .listTickets()
                .handle(new ListCustomerTickets.Command(
                        acme.asCustomer(acme.colleague),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        PageRequest.ofTickets(1, 20)));
        Page<CustomerTicketView> stranger = core.portal()
                .listTickets()
                .handle(new ListCustomerTickets.Command(
                        acme.asCustomer(acme.otherCustomer),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        PageRequest.ofTickets(1, 20)));
        Page<CustomerTicketView> foreign = core.portal()
                .listTickets()
                .handle(new ListCustomerTickets.Command(
                        globex.customerActor(), Set.of(), Set.of(), Optional.empty(), PageRequest.ofTickets(1, 20)));

        assertThat(colleague.items()).extracting(CustomerTicketView::id).containsExactly(mine.id());
        assertThat(stranger.total()).isZero();
        assertThat(foreign.total()).isZero();
    }

    @Test
    void history_is_the_tickets_journal_filterable_by_action() {
        TicketState ticket = aTicketIn(TicketStatus.IN_PROGRESS);

        List<JournalEntry> all =
                core.desk().ticketHistory().handle(new TicketHistory.Command(acme.agentActor(), ticket.id(), Set.of()));
        List<JournalEntry> statuses = core.desk()
                .ticketHistory()
                .handle(new TicketHistory.Command(
                        acme.agentActor(), ticket.id(), Set.of(JournalAction.STATUS_CHANGED)));

        assertThat(all)
                .extracting(JournalEntry::action)
                .containsExactly(
                        JournalAction.TICKET_FILED, JournalAction.STATUS_CHANGED, JournalAction.MESSAGE_POSTED);
        assertThat(statuses).hasSize(1);
        assertThatThrownBy(() -> core.desk()
                        .ticketHistory()
                        .handle(new TicketHistory.Command(globex.agentActor(), ticket.id(), Set.of())))
                .isInstanceOf(TicketNotFound.class);
    }

    @Test
    void search_ranks_subject_hits_above_description_and_message_hits() {
        TicketState inMessage = aTicket();
        customerReply(acme.customerActor(), inMessage.id(), "the invoice export hangs");
        core.clock.advance(Duration.ofMinutes(1));
        TicketState inSubject = core.fileAndRead(new FileTicket.Command(
                acme.customerActor(),
                new Subject("Invoice export broken"),
                new Description("Nothing happens"),
                new Category("bug"),
                Priority.LOW,
                PortalContext.NONE,
                Optional.empty()));

        assertThat(list(withText("invoice"), TicketSort.BEST_MATCH_FIRST, 1, 20).items())
                .extracting(TicketState::id)
                .containsExactly(inSubject.id(), inMessage.id());
    }

    Page<TicketState> list(TicketFilter filter, TicketSort sort, int page, int limit) {
        return core.desk()
                .listTickets()
                .handle(new ListTickets.Command(acme.agentActor(), filter, sort, PageRequest.ofTickets(page, limit)))
                .map(TicketListItem::ticket);
    }

    static List<String> ids(Page<TicketState> page) {
        return page.items().stream().map(t -> t.id().toString()).toList();
    }

    static TicketFilter withStatuses(Set<TicketStatus> statuses) {
        return TicketFilter.builder().statuses(statuses).build();
    }

    static TicketFilter withAssignee(TicketFilter.AssigneeFilter assignee) {
        return TicketFilter.builder().assignee(assignee).build();
    }

    static TicketFilter withText(String text) {
        return TicketFilter.builder().text(Optional.of(text)).build();
    }
}
