package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.sla.ScanSlaBreaches;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.AutoCloseResolved;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * The server's background work over PostgreSQL: it lists the tenants and runs the breach scan and auto-close in
 * transactions bound to one tenant at a time, recording each breach once and never touching a paused clock.
 */
@ExtendWith(PostgresExtension.class)
class BackgroundWorkTest {
    private final JdbiSupportdesk core;

    BackgroundWorkTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    private int scanEveryTenant() {
        int recorded = 0;
        for (TenantId tenant : core.stores.tenants().all()) {
            recorded += core.useCases.scheduled().scanSlaBreaches().handle(new ScanSlaBreaches.Command(tenant, 100));
        }
        return recorded;
    }

    private int autoCloseEveryTenant() {
        int closed = 0;
        for (TenantId tenant : core.stores.tenants().all()) {
            closed += core.useCases.scheduled().autoCloseResolved().handle(new AutoCloseResolved.Command(tenant, 100));
        }
        return closed;
    }

    private TicketState stored(TenantFixture tenant, TicketState ticket) {
        return core.stores.transactions().inTransaction(tenant.tenant, () -> core.stores
                .tickets()
                .find(tenant.tenant, ticket.id())
                .orElseThrow()
                .state());
    }

    @Test
    void breaches_are_recorded_once_per_tenant_and_paused_clocks_are_left_alone() {
        TenantFixture late = core.newTenant();
        TenantFixture waiting = core.newTenant();
        TicketState overdue = core.fileAndRead(JdbiSupportdesk.filing(late, "Nobody answered"));
        TicketState paused = core.fileAndRead(JdbiSupportdesk.filing(waiting, "Answered, then waiting"));
        core.useCases
                .desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(
                        waiting.agentActor(),
                        paused.id(),
                        new Body("Which printer?"),
                        Via.API,
                        false,
                        Optional.empty()));
        core.useCases
                .desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        waiting.agentActor(),
                        paused.id(),
                        TicketStatus.WAITING_ON_CUSTOMER,
                        Optional.empty(),
                        Optional.empty()));
        core.clock.advance(Duration.ofMinutes(61));

        assertThat(scanEveryTenant()).isEqualTo(1);
        assertThat(scanEveryTenant()).isZero();

        TicketState breached = stored(late, overdue);
        assertThat(breached.sla().firstResponseBreachedAt())
                .contains(overdue.createdAt().plus(Duration.ofMinutes(60)));
        assertThat(breached.escalation()).isPresent();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM journal WHERE tenant_id = ? AND action = 'sla_breached'",
                        late.tenant.value()))
                .isEqualTo(1);
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM outbox WHERE tenant_id = ? AND topic = 'sla_breached'",
                        late.tenant.value()))
                .isEqualTo(1);
        TicketState untouched = stored(waiting, paused);
        assertThat(untouched.sla().breached()).isFalse();
        assertThat(untouched.sla().resolutionDueAt()).isEmpty();

        core.clock.advance(Duration.ofDays(30));
        assertThat(scanEveryTenant())
                .as("the resolution clock of the overdue ticket breaches later, once")
                .isEqualTo(1);
        assertThat(scanEveryTenant()).isZero();
        assertThat(stored(waiting, paused).sla().breached()).isFalse();
    }

    @Test
    void resolved_tickets_close_after_the_delay_in_every_tenant() {
        TenantFixture first = core.newTenant();
        TenantFixture second = core.newTenant();
        TicketState a = core.fileAndRead(JdbiSupportdesk.filing(first, "Done here"));
        TicketState b = core.fileAndRead(JdbiSupportdesk.filing(second, "Done there"));
        for (var pair : new Object[][] {{first, a}, {second, b}}) {
            TenantFixture tenant = (TenantFixture) pair[0];
            TicketState ticket = (TicketState) pair[1];
            core.useCases
                    .desk()
                    .changeTicketStatus()
                    .handle(new ChangeTicketStatus.Command(
                            tenant.agentActor(),
                            ticket.id(),
                            TicketStatus.RESOLVED,
                            Optional.empty(),
                            Optional.empty()));
        }
        core.clock.advance(Duration.ofDays(7));
        assertThat(autoCloseEveryTenant()).as("not before the delay has passed").isZero();
        core.clock.advance(Duration.ofSeconds(1));

        assertThat(autoCloseEveryTenant()).isEqualTo(2);
        assertThat(autoCloseEveryTenant()).isZero();
        assertThat(stored(first, a).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(stored(second, b).status()).isEqualTo(TicketStatus.CLOSED);
    }
}
