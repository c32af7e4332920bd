package org.supportdesk.application.testing;

import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.TransactionRunner;

/** The in-memory knowledge base honours the contract the database one does. */
class InMemoryKnowledgeBaseTest extends KnowledgeBaseContract {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    @Override
    protected KnowledgeBase knowledgeBase() {
        return core.knowledgeBase;
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
