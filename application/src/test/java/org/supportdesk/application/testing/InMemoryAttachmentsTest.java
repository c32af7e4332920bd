package org.supportdesk.application.testing;

import java.util.Optional;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;

/** The in-memory attachment store honours the contract the database one does. */
class InMemoryAttachmentsTest extends AttachmentsContract {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    @Override
    protected Attachments attachments() {
        return core.attachments;
    }

    @Override
    protected TransactionRunner transactions() {
        return core.transactions;
    }

    @Override
    protected void givenTenant(TenantFixture tenant) {
        core.store(tenant);
    }

    @Override
    protected TicketId aTicketOf(TenantFixture tenant) {
        return core.portal()
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
