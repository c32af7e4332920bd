package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.query.GetTicket;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.ticket.NoChanges;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketState;

class DeleteAndRestoreTicketTest extends UseCaseTest {

    @Test
    void a_deleted_ticket_vanishes_from_reads_and_comes_back_on_restore() {
        TicketState ticket = aTicket();

        TicketState deleted = core.desk()
                .deleteTicket()
                .handle(new DeleteTicket.Command(acme.adminActor(), ticket.id(), Optional.of(1L)));

        assertThat(deleted.deletedAt()).contains(core.clock.instant());
        assertThatThrownBy(() -> core.desk().getTicket().handle(new GetTicket.Command(acme.agentActor(), ticket.id())))
                .isInstanceOf(TicketNotFound.class);
        assertThat(listAll().total()).isZero();
        assertThatThrownBy(() -> customerReply(acme.customerActor(), ticket.id(), "Hello?"))
                .isInstanceOf(TicketNotFound.class);

        TicketState restored = core.desk()
                .restoreTicket()
                .handle(new RestoreTicket.Command(acme.adminActor(), ticket.id(), Optional.empty()))
                .ticket();

        assertThat(restored.deletedAt()).isEmpty();
        assertThat(listAll().total()).isEqualTo(1);
        assertThat(journalOf(ticket)).endsWith(JournalAction.TICKET_DELETED, JournalAction.TICKET_RESTORED);
    }

    @Test
    void only_admins_delete_or_restore() {
        TicketState ticket = aTicket();

        assertThatThrownBy(() -> core.desk()
                        .deleteTicket()
                        .handle(new DeleteTicket.Command(acme.agentActor(), ticket.id(), Optional.empty())))
                .isInstanceOf(Forbidden.class);
        core.desk().deleteTicket().handle(new DeleteTicket.Command(acme.adminActor(), ticket.id(), Optional.empty()));
        assertThatThrownBy(() -> core.desk()
                        .restoreTicket()
                        .handle(new RestoreTicket.Command(acme.agentActor(), ticket.id(), Optional.empty())))
                .isInstanceOf(TicketNotFound.class);
        assertThatThrownBy(() -> core.desk()
                        .restoreTicket()
                        .handle(new RestoreTicket.Command(globex.adminActor(), ticket.id(), Optional.empty())))
                .isInstanceOf(TicketNotFound.class);
    }

    @Test
    void restoring_a_live_ticket_is_no_change() {
        TicketState ticket = aTicket();

        assertThatThrownBy(() -> core.desk()
                        .restoreTicket()
                        .handle(new RestoreTicket.Command(acme.adminActor(), ticket.id(), Optional.empty())))
                .isInstanceOf(NoChanges.class);
    }

    private org.supportdesk.domain.port.Page<TicketState> listAll() {
        return core.desk()
                .listTickets()
                .handle(new ListTickets.Command(
                        acme.agentActor(), TicketFilter.ALL, TicketSort.NEWEST_FIRST, PageRequest.ofTickets(1, 20)))
                .map(TicketListItem::ticket);
    }
}
