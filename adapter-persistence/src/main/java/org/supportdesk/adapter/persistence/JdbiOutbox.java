package org.supportdesk.adapter.persistence;

import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.Outbox;

/** The transactional outbox: intents stored in the transaction of the change that owes them. */
public final class JdbiOutbox implements Outbox {
    private final Jdbi jdbi;

    public JdbiOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void enqueue(NotificationIntent intent) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        """
                        INSERT INTO outbox (tenant_id, id, topic, ticket_id, audiences, dedup_key, created_at,
                            next_attempt_at)
                        VALUES (:tenant, :id, :topic, :ticket, :audiences, :dedupKey, :at, :at)
                        """)
                .bind("tenant", intent.tenant().value())
                .bind("id", intent.id())
                .bind("topic", intent.topic().name().toLowerCase(Locale.ROOT))
                .bind("ticket", intent.ticket().value())
                .bind(
                        "audiences",
                        intent.audiences().stream()
                                .map(a -> a.name().toLowerCase(Locale.ROOT))
                                .sorted()
                                .toArray(String[]::new))
                .bind("dedupKey", intent.dedupKey())
                .bind("at", intent.at())
                .execute());
    }
}
