package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.admin.ChangeSettings;
import org.supportdesk.application.privacy.EraseExpiredTickets;
import org.supportdesk.application.privacy.ErasePerson;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.MergeTicket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The retention rule (§16): with {@code erase_closed_after_days} set, the background job erases what tickets closed
 * longer ago than that say, once each, and nothing else: open tickets, tickets closed recently, tickets merged into one
 * that is not, and tenants without the rule keep everything; the counts by status and the ratings stay, and the
 * journal's chain still verifies.
 */
@ExtendWith(PostgresExtension.class)
class RetentionTest {
    private final JdbiSupportdesk core;

    RetentionTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Test
    void tickets_closed_longer_than_the_rule_are_erased_once_and_nothing_else_is() {
        TenantFixture tenant = core.newTenant();
        TenantFixture withoutRule = core.newTenant();
        TicketState early = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Closed long ago"));
        TicketState open = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Still open"));
        TicketState elsewhere = core.fileAndRead(JdbiSupportdesk.filing(withoutRule, "Kept forever"));
        close(tenant, early.id());
        close(withoutRule, elsewhere.id());
        core.clock.advance(Duration.ofDays(20));
        TicketState late = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Closed lately"));
        close(tenant, late.id());
        keepClosedFor(tenant, 30);
        long closedBefore = closedCount(tenant);

        core.clock.advance(Duration.ofDays(15)); // early closed 35 days ago, late 15
        int first = erase(tenant);
        int again = erase(tenant);
        int none = erase(withoutRule);

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(none).isZero();
        assertThat(subjectOf(tenant, early.id())).isEqualTo("[erased]");
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM messages WHERE ticket_id = ? AND body <> '[erased]'",
                        early.id().value()))
                .isZero();
        assertThat(subjectOf(tenant, late.id())).isEqualTo("Closed lately");
        assertThat(subjectOf(tenant, open.id())).isEqualTo("Still open");
        assertThat(subjectOf(withoutRule, elsewhere.id())).isEqualTo("Kept forever");
        assertThat(closedCount(tenant)).isEqualTo(closedBefore);
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM journal WHERE tenant_id = ? AND action = 'ticket_erased' AND target_id = ?",
                        tenant.tenant.value(),
                        early.id().value()))
                .isEqualTo(1);
        assertThat(verified(tenant)).isTrue();

        // Erasing the requester afterwards redacts the ticket's entries again, but never the ticket_erased entry: it
        // holds the digest the chain is checked against.
        core.useCases.admin().erasePerson().handle(new ErasePerson.Command(tenant.adminActor(), tenant.customer.id()));

        assertThat(verified(tenant)).isTrue();
    }

    @Test
    void a_merged_ticket_is_kept_while_the_ticket_it_went_into_is_not_expired_and_erased_with_it() {
        TenantFixture tenant = core.newTenant();
        TicketState target = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Invoices page is blank"));
        TicketState duplicate = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Invoices still blank"));
        core.useCases
                .desk()
                .mergeTicket()
                .handle(new MergeTicket.Command(
                        tenant.agentActor(), duplicate.id(), target.id(), false, Optional.empty()));
        keepClosedFor(tenant, 30);

        core.clock.advance(Duration.ofDays(35)); // merged, so closed, 35 days ago; its messages show in the open target
        assertThat(erase(tenant)).isZero();
        assertThat(subjectOf(tenant, duplicate.id())).isEqualTo("Invoices still blank");

        close(tenant, target.id());
        core.clock.advance(Duration.ofDays(15)); // the target closed 15 days ago
        assertThat(erase(tenant)).isZero();

        core.clock.advance(Duration.ofDays(20)); // and now 35
        assertThat(erase(tenant)).isEqualTo(2);
        assertThat(subjectOf(tenant, duplicate.id())).isEqualTo("[erased]");
        assertThat(subjectOf(tenant, target.id())).isEqualTo("[erased]");
        assertThat(verified(tenant)).isTrue();
    }

    private void keepClosedFor(TenantFixture tenant, int days) {
        core.useCases
                .admin()
                .changeSettings()
                .handle(new ChangeSettings.Command(
                        tenant.adminActor(),
                        7,
                        7,
                        ChangeSettings.Limits.UNCHANGED,
                        Optional.of(new ChangeSettings.Retention(Optional.of(days)))));
    }

    private boolean verified(TenantFixture tenant) {
        return core.stores
                .transactions()
                .inTransaction(tenant.tenant, () -> core.stores.journal().verifyChain(tenant.tenant))
                .verified();
    }

    private int erase(TenantFixture tenant) {
        return core.useCases
                .scheduled()
                .eraseExpiredTickets()
                .handle(new EraseExpiredTickets.Command(tenant.tenant, 100));
    }

    private void close(TenantFixture tenant, TicketId ticket) {
        core.useCases
                .desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        tenant.agentActor(), ticket, TicketStatus.CLOSED, Optional.empty(), Optional.empty()));
    }

    private long closedCount(TenantFixture tenant) {
        return core.unrestrictedCount(
                "SELECT count(*) FROM tickets WHERE tenant_id = ? AND status = 'closed'", tenant.tenant.value());
    }

    private String subjectOf(TenantFixture tenant, TicketId ticket) {
        return core.stores.transactions().inTransaction(tenant.tenant, () -> core.stores
                .tickets()
                .find(tenant.tenant, ticket)
                .orElseThrow()
                .state()
                .subject()
                .value());
    }
}
