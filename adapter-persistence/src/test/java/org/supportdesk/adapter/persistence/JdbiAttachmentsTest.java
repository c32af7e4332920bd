package org.supportdesk.adapter.persistence;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.AttachmentsContract;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;

/** The PostgreSQL attachment store honours the same contract as the in-memory one, under row-level security. */
@ExtendWith(PostgresExtension.class)
class JdbiAttachmentsTest extends AttachmentsContract {
    private final JdbiSupportdesk core;

    JdbiAttachmentsTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Override
    protected Attachments attachments() {
        return core.stores.attachments();
    }

    @Override
    protected TransactionRunner transactions() {
        return core.stores.transactions();
    }

    @Override
    protected void givenTenant(TenantFixture tenant) {
        String slug = "t-" + tenant.tenant.value().toString().substring(0, 8);
        core.database.storeTenant(tenant, slug, core.clock);
    }

    @Override
    protected TicketId aTicketOf(TenantFixture tenant) {
        return core.useCases
                .portal()
                .fileTicket()
                .handle(new FileTicket.Command(
                        tenant.customerActor(),
                        new Subject("With files"),
                        new Description("Files follow"),
                        new Category("bug"),
                        Priority.MEDIUM,
                        PortalContext.NONE,
                        Optional.empty()))
                .id();
    }
}
