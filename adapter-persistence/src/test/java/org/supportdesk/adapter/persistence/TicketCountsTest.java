package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.RestoreTicket;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The per-status ticket counters (V120) that the list's total reads when only the status narrows it follow every way a
 * ticket enters, moves or leaves a status, and a bulk statement as well as a single change.
 */
@ExtendWith(PostgresExtension.class)
class TicketCountsTest {
    private final JdbiSupportdesk core;

    TicketCountsTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Test
    void the_list_total_without_filter_or_by_status_follows_filing_status_changes_deletion_and_restore() {
        TenantFixture tenant = core.newTenant();
        TenantFixture other = core.newTenant();
        List<TicketId> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tickets.add(core.fileAndRead(JdbiSupportdesk.filing(tenant, "Printer " + i))
                    .id());
        }
        core.fileAndRead(JdbiSupportdesk.filing(other, "Elsewhere"));
        assertTotalsAreCounted(tenant);

        changeStatus(tenant, tickets.get(0), TicketStatus.IN_PROGRESS);
        changeStatus(tenant, tickets.get(1), TicketStatus.RESOLVED);
        changeStatus(tenant, tickets.get(2), TicketStatus.CLOSED);
        assertTotalsAreCounted(tenant);

        core.useCases
                .desk()
                .deleteTicket()
                .handle(new DeleteTicket.Command(StaffActor.of(tenant.admin), tickets.get(0), Optional.empty()));
        assertTotalsAreCounted(tenant);
        core.useCases
                .desk()
                .restoreTicket()
                .handle(new RestoreTicket.Command(StaffActor.of(tenant.admin), tickets.get(0), Optional.empty()));
        assertTotalsAreCounted(tenant);
        assertThat(total(tenant, Set.of())).isEqualTo(4);
        assertThat(total(other, Set.of())).isEqualTo(1);
    }

    @Test
    void one_statement_that_moves_many_tickets_is_counted_at_once() {
        TenantFixture tenant = core.newTenant();
        for (int i = 0; i < 5; i++) {
            core.fileAndRead(JdbiSupportdesk.filing(tenant, "Bulk " + i));
        }

        core.stores
                .transactions()
                .inTransaction(
                        tenant.tenant,
                        () -> core.jdbi.withHandle(
                                handle -> handle.execute(
                                        "UPDATE tickets SET status = CASE WHEN number_sequence % 2 = 0 THEN 'on_hold' ELSE 'closed' END")));

        assertTotalsAreCounted(tenant);
        assertThat(total(tenant, Set.of(TicketStatus.NEW))).isZero();
        assertThat(total(tenant, Set.of(TicketStatus.ON_HOLD, TicketStatus.CLOSED)))
                .isEqualTo(5);
    }

    private void assertTotalsAreCounted(TenantFixture tenant) {
        assertThat(total(tenant, Set.of()))
                .isEqualTo(core.unrestrictedCount(
                        "SELECT count(*) FROM tickets WHERE tenant_id = ? AND deleted_at IS NULL",
                        tenant.tenant.value()));
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(total(tenant, Set.of(status)))
                    .as("total of %s", status)
                    .isEqualTo(core.unrestrictedCount(
                            "SELECT count(*) FROM tickets WHERE tenant_id = ? AND deleted_at IS NULL AND status = ?",
                            tenant.tenant.value(),
                            status.wireName()));
        }
    }

    private long total(TenantFixture tenant, Set<TicketStatus> statuses) {
        return core.useCases
                .desk()
                .listTickets()
                .handle(new ListTickets.Command(
                        StaffActor.of(tenant.agent),
                        TicketFilter.builder().statuses(statuses).build(),
                        TicketSort.NEWEST_FIRST,
                        PageRequest.ofTickets(1, 1)))
                .total();
    }

    private void changeStatus(TenantFixture tenant, TicketId ticket, TicketStatus to) {
        core.useCases
                .desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        StaffActor.of(tenant.agent), ticket, to, Optional.empty(), Optional.empty()));
    }
}
