package org.supportdesk.adapter.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.InboundMailStoresContract;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.ReceivedMails;
import org.supportdesk.domain.port.TransactionRunner;

/** The PostgreSQL email channels and received mails honour the same contract, under row-level security. */
@ExtendWith(PostgresExtension.class)
class JdbiInboundMailStoresTest extends InboundMailStoresContract {
    private final JdbiSupportdesk core;

    JdbiInboundMailStoresTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Override
    protected EmailChannels channels() {
        return core.stores.emailChannels();
    }

    @Override
    protected ReceivedMails mails() {
        return core.stores.receivedMails();
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
}
