package org.supportdesk.adapter.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.RestoreTicket;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The per-status ticket counters (V120) that the list's total reads when only the status narrows it, and the per-tag
 * ones (V145) it reads when a tag does, follow every way a ticket enters, moves or leaves a status or a tag, and a bulk
 * statement as well as a single change.
 */
@ExtendWith(PostgresExtension.class)
class TicketCountsTest {
    private static final int WRITERS = 6;
    private static final int SAVES = 40;
    private static final long SEED = Long.getLong("supportdesk.seed", 20261203L);

    private final JdbiSupportdesk core;

    TicketCountsTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Test
    void the_list_total_without_filter_or_by_status_follows_filing_status_changes_deletion_and_restore() {
        TenantFixture tenant = core.newTenant();
        TenantFixture other = core.newTenant();
        List<TicketId> tickets = file(tenant, 4, "Printer ");
        core.fileAndRead(JdbiSupportdesk.filing(other, "Elsewhere"));
        assertTotalsAreCounted(tenant);

        changeStatus(tenant, tickets.get(0), TicketStatus.IN_PROGRESS);
        changeStatus(tenant, tickets.get(1), TicketStatus.RESOLVED);
        changeStatus(tenant, tickets.get(2), TicketStatus.CLOSED);
        assertTotalsAreCounted(tenant);

        delete(tenant, tickets.get(0));
        assertTotalsAreCounted(tenant);
        restore(tenant, tickets.get(0));
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

    @Test
    void the_list_total_by_tag_follows_tagging_untagging_status_changes_deletion_and_restore() {
        TenantFixture tenant = core.newTenant();
        TenantFixture other = core.newTenant();
        List<TicketId> tickets = file(tenant, 4, "Printer ");
        TicketId elsewhere =
                core.fileAndRead(JdbiSupportdesk.filing(other, "Elsewhere")).id();
        tag(other, elsewhere, "vip");
        tag(tenant, tickets.get(0), "vip", "billing");
        tag(tenant, tickets.get(1), "vip");
        tag(tenant, tickets.get(2), "billing");
        assertTagTotalsAreCounted(tenant);
        assertThat(total(tenant, "vip", Set.of())).isEqualTo(2);

        changeStatus(tenant, tickets.get(0), TicketStatus.IN_PROGRESS);
        changeStatus(tenant, tickets.get(1), TicketStatus.CLOSED);
        tag(tenant, tickets.get(0), "billing");
        tag(tenant, tickets.get(3), "vip", "billing");
        assertTagTotalsAreCounted(tenant);

        delete(tenant, tickets.get(3));
        assertTagTotalsAreCounted(tenant);
        assertThat(total(tenant, "vip", Set.of())).isEqualTo(1);
        restore(tenant, tickets.get(3));
        tag(tenant, tickets.get(0));
        assertTagTotalsAreCounted(tenant);
        assertThat(total(tenant, "vip", Set.of())).isEqualTo(2);
        assertThat(total(other, "vip", Set.of())).isEqualTo(1);

        core.stores
                .transactions()
                .inTransaction(
                        tenant.tenant,
                        () -> core.jdbi.withHandle(handle -> handle.execute("UPDATE tickets SET status = 'on_hold'")));
        assertTagTotalsAreCounted(tenant);
        assertThat(total(tenant, "billing", Set.of(TicketStatus.ON_HOLD))).isEqualTo(2);
    }

    /**
     * Saves that retag a ticket and move it between statuses at once write the tag counters in two statements; with
     * one row per counter, two such saves could deadlock (one refused as a lost race). Each writer keeps its own rows,
     * folding the others' committed ones, so none is refused, and the counters stay few.
     */
    @Test
    void concurrent_saves_that_retag_and_move_tickets_neither_deadlock_nor_miscount() throws Exception {
        TenantFixture tenant = core.newTenant();
        List<String> tags = List.of("vip", "billing", "printer", "vpn");
        List<TicketStatus> statuses =
                List.of(TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD);
        List<TicketId> tickets = file(tenant, WRITERS, "Retagged ");
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        try {
            CyclicBarrier start = new CyclicBarrier(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                TicketId ticket = tickets.get(i);
                Random random = new Random(SEED + i);
                writers.add(threads.submit(() -> {
                    start.await(30, SECONDS);
                    int status = 0;
                    for (int save = 0; save < SAVES; save++) {
                        List<String> chosen = new ArrayList<>(tags);
                        Collections.shuffle(chosen, random);
                        // Each save moves the ticket on to another status, so that none changes nothing.
                        status = (status + 1 + random.nextInt(statuses.size() - 1)) % statuses.size();
                        TicketStatus to = statuses.get(status);
                        update(
                                tenant,
                                ticket,
                                Optional.of(Tags.of(chosen.subList(0, random.nextInt(tags.size() + 1)))),
                                Optional.of(to));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        for (String tag : tags) {
            assertThat(total(tenant, tag, Set.of()))
                    .as("total of %s", tag)
                    .isEqualTo(taggedCount(tenant, tag, Set.of(TicketStatus.values())));
            for (TicketStatus status : statuses) {
                assertThat(total(tenant, tag, Set.of(status)))
                        .as("total of %s, %s", tag, status)
                        .isEqualTo(taggedCount(tenant, tag, Set.of(status)));
            }
        }
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM ticket_tag_counts WHERE tenant_id = ?", tenant.tenant.value()))
                .as("counter rows, folded as they are written")
                .isLessThanOrEqualTo((long) tags.size() * TicketStatus.values().length * WRITERS);
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

    private void assertTagTotalsAreCounted(TenantFixture tenant) {
        for (String tag : List.of("vip", "billing", "unused")) {
            assertThat(total(tenant, tag, Set.of()))
                    .as("total of %s", tag)
                    .isEqualTo(taggedCount(tenant, tag, Set.of(TicketStatus.values())));
            for (TicketStatus status : TicketStatus.values()) {
                assertThat(total(tenant, tag, Set.of(status)))
                        .as("total of %s, %s", tag, status)
                        .isEqualTo(taggedCount(tenant, tag, Set.of(status)));
            }
            assertThat(total(tenant, tag, Set.of(TicketStatus.NEW, TicketStatus.CLOSED)))
                    .isEqualTo(taggedCount(tenant, tag, Set.of(TicketStatus.NEW, TicketStatus.CLOSED)));
        }
    }

    private long taggedCount(TenantFixture tenant, String tag, Set<TicketStatus> statuses) {
        return core.unrestrictedCount(
                """
                SELECT count(*) FROM tickets t
                  JOIN ticket_tags tt ON tt.tenant_id = t.tenant_id AND tt.ticket_id = t.id
                  JOIN tags g ON g.tenant_id = tt.tenant_id AND g.id = tt.tag_id
                 WHERE t.tenant_id = ? AND t.deleted_at IS NULL AND g.name = ? AND t.status = ANY (?)""",
                tenant.tenant.value(),
                tag,
                statuses.stream().map(TicketStatus::wireName).toArray(String[]::new));
    }

    private long total(TenantFixture tenant, Set<TicketStatus> statuses) {
        return total(tenant, TicketFilter.builder().statuses(statuses).build());
    }

    private long total(TenantFixture tenant, String tag, Set<TicketStatus> statuses) {
        return total(
                tenant,
                TicketFilter.builder().statuses(statuses).tag(Optional.of(tag)).build());
    }

    private long total(TenantFixture tenant, TicketFilter filter) {
        return core.useCases
                .desk()
                .listTickets()
                .handle(new ListTickets.Command(
                        StaffActor.of(tenant.agent), filter, TicketSort.NEWEST_FIRST, PageRequest.ofTickets(1, 1)))
                .total();
    }

    private List<TicketId> file(TenantFixture tenant, int count, String subject) {
        List<TicketId> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tickets.add(core.fileAndRead(JdbiSupportdesk.filing(tenant, subject + i))
                    .id());
        }
        return tickets;
    }

    private void delete(TenantFixture tenant, TicketId ticket) {
        core.useCases
                .desk()
                .deleteTicket()
                .handle(new DeleteTicket.Command(StaffActor.of(tenant.admin), ticket, Optional.empty()));
    }

    private void restore(TenantFixture tenant, TicketId ticket) {
        core.useCases
                .desk()
                .restoreTicket()
                .handle(new RestoreTicket.Command(StaffActor.of(tenant.admin), ticket, Optional.empty()));
    }

    private void tag(TenantFixture tenant, TicketId ticket, String... tags) {
        update(tenant, ticket, Optional.of(Tags.of(List.of(tags))), Optional.empty());
    }

    private void update(TenantFixture tenant, TicketId ticket, Optional<Tags> tags, Optional<TicketStatus> status) {
        core.useCases
                .desk()
                .updateTicket()
                .handle(new UpdateTicket.Command(
                        StaffActor.of(tenant.agent),
                        ticket,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        tags,
                        Optional.empty(),
                        Optional.empty(),
                        status,
                        Optional.empty()));
    }

    private void changeStatus(TenantFixture tenant, TicketId ticket, TicketStatus to) {
        core.useCases
                .desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        StaffActor.of(tenant.agent), ticket, to, Optional.empty(), Optional.empty()));
    }
}
