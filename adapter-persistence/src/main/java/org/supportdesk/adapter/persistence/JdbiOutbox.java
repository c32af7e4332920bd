package org.supportdesk.adapter.persistence;

import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.Outbox;
import org.supportdesk.domain.tenant.TenantId;

/** The transactional outbox: intents stored in the transaction of the change that owes them. */
public final class JdbiOutbox implements Outbox {
    private final TenantScope scope;

    JdbiOutbox(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void enqueue(NotificationIntent intent) {
        dao(intent.tenant()).insert(OutboxRow.from(intent));
    }

    private OutboxDao dao(TenantId tenant) {
        return scope.dao(tenant, OutboxDao.class);
    }
}
