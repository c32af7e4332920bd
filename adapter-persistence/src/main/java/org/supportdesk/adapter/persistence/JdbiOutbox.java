package org.supportdesk.adapter.persistence;

import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.Outbox;

/** The transactional outbox: intents stored in the transaction of the change that owes them. */
public final class JdbiOutbox implements Outbox {
    private final OutboxDao dao;

    public JdbiOutbox(Jdbi jdbi) {
        this.dao = jdbi.onDemand(OutboxDao.class);
    }

    @Override
    public void enqueue(NotificationIntent intent) {
        dao.insert(OutboxRow.from(intent));
    }
}
