package org.supportdesk.application.testing;

import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.ReceivedMails;
import org.supportdesk.domain.port.TransactionRunner;

/** The in-memory email channels and received mails honour the contract the database ones do. */
class InMemoryInboundMailStoresTest extends InboundMailStoresContract {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    @Override
    protected EmailChannels channels() {
        return core.emailChannels;
    }

    @Override
    protected ReceivedMails mails() {
        return core.receivedMails;
    }

    @Override
    protected TransactionRunner transactions() {
        return core.transactions;
    }

    @Override
    protected void givenTenant(TenantFixture tenant) {
        core.store(tenant);
    }
}
