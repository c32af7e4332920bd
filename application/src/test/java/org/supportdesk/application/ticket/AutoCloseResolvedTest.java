package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.tenant.AttachmentLimits;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

class AutoCloseResolvedTest extends UseCaseTest {

    int run() {
        return core.useCases.scheduled().autoCloseResolved().handle(new AutoCloseResolved.Command(acme.tenant, 100));
    }

    @Test
    void resolved_tickets_close_after_the_delay_once_and_by_the_system() {
        TicketState due = aTicketIn(TicketStatus.RESOLVED);
        core.clock.advance(Duration.ofDays(1));
        TicketState notYet = aTicketIn(TicketStatus.RESOLVED);
        TicketState open = aTicketIn(TicketStatus.IN_PROGRESS);
        core.clock.advance(Duration.ofDays(6));
        assertThat(run()).as("at exactly the delay a customer may still reopen").isZero();
        core.clock.advance(Duration.ofSeconds(1));

        assertThat(run()).isEqualTo(1);
        assertThat(run()).isZero();

        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, due.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(TicketStatus.CLOSED);
        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, notYet.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(TicketStatus.RESOLVED);
        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, open.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(core.read(
                        acme.tenant,
                        () -> core.journal.entriesAbout(acme.tenant, due.id().value())))
                .last()
                .satisfies(e -> assertThat(e.actor().isSystem()).isTrue());
    }

    @Test
    void the_tenants_delay_is_honoured_and_other_tenants_are_untouched() {
        core.transactions.inTransaction(acme.tenant, () -> {
            core.configuration.save(
                    acme.tenant,
                    new TenantSettings(
                            Set.of(new Category("technical")),
                            Duration.ofDays(7),
                            Duration.ofDays(2),
                            AttachmentLimits.DEFAULTS));
            return null;
        });
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);
        core.clock.advance(Duration.ofDays(2).plusSeconds(1));

        assertThat(core.useCases
                        .scheduled()
                        .autoCloseResolved()
                        .handle(new AutoCloseResolved.Command(globex.tenant, 100)))
                .isZero();
        assertThat(run()).isEqualTo(1);
        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, ticket.id()))
                        .orElseThrow()
                        .status())
                .isEqualTo(TicketStatus.CLOSED);
    }
}
