package org.supportdesk.adapter.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.KnowledgeBaseContract;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.TransactionRunner;

/**
 * The PostgreSQL knowledge base honours the same contract as the in-memory one, under row-level security: ranked
 * full-text search with {@code ts_rank}, snippets from {@code ts_headline} marked with control characters, never HTML.
 */
@ExtendWith(PostgresExtension.class)
class JdbiKnowledgeBaseTest extends KnowledgeBaseContract {
    private final JdbiSupportdesk core;

    JdbiKnowledgeBaseTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Override
    protected KnowledgeBase knowledgeBase() {
        return core.stores.knowledgeBase();
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
