package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.admin.ReplaceCategories;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Use cases read a tenant's own settings, not the defaults: under row-level security the settings are visible only
 * inside a transaction bound to the tenant, so a read outside it would quietly see a tenant that never changed them
 * (or, with the stores' tenant check, be refused).
 */
@ExtendWith(PostgresExtension.class)
class TenantSettingsInUseCasesTest {
    private final JdbiSupportdesk core;

    TenantSettingsInUseCasesTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Test
    void a_ticket_moves_to_a_category_the_tenant_added() {
        TenantFixture tenant = core.newTenant();
        TicketState ticket = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Keyboard missing keys"));
        Category hardware = new Category("hardware");
        core.useCases
                .admin()
                .replaceCategories()
                .handle(new ReplaceCategories.Command(tenant.adminActor(), Set.of(ticket.category(), hardware)));

        TicketState moved = core.useCases
                .desk()
                .updateTicket()
                .handle(new UpdateTicket.Command(
                        tenant.agentActor(),
                        ticket.id(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(hardware),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .ticket();

        assertThat(moved.category()).isEqualTo(hardware);
    }
}
