package org.supportdesk.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Hears, through PostgreSQL's {@code LISTEN}, every change-feed append committed by any instance on the database (the
 * {@code pg_notify} on {@link #CHANNEL} in {@link ChangeFeedAppendDao#appendAll}) and tells {@code onChange} its tenant. It holds one connection of
 * its own, outside the pool; when that connection is lost it connects again, backing off, and calls {@code
 * onReconnect}, since notifications sent meanwhile are gone and readers must look for themselves.
 */
public final class ChangeListener implements AutoCloseable {
    static final String CHANNEL = "supportdesk_changes";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);

    private final String url;
    private final String user;
    private final String password;
    private final Consumer<TenantId> onChange;
    private final Runnable onReconnect;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private ChangeListener(
            String url, String user, String password, Consumer<TenantId> onChange, Runnable onReconnect) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.onChange = onChange;
        this.onReconnect = onReconnect;
        this.thread = new Thread(this::listen, "supportdesk-change-listener");
        thread.setDaemon(true);
    }

    /** Listens as the pool's role on the pool's database, from now until closed. */
    public static ChangeListener start(HikariDataSource pool, Consumer<TenantId> onChange, Runnable onReconnect) {
        ChangeListener listener =
                new ChangeListener(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), onChange, onReconnect);
        listener.thread.start();
        return listener;
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(100);
        boolean first = true;
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, user, password)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    LOG.info("Listening for change-feed notifications again");
                    onReconnect.run();
                }
                first = false;
                backoff = Duration.ofMillis(100);
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = notifications.getNotifications((int) POLL.toMillis());
                    if (heard != null) {
                        for (PGNotification notification : heard) {
                            tenantOf(notification.getParameter()).ifPresent(onChange);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Lost the change-feed notifications ({}); connecting again in {}", e.getMessage(), backoff);
                first = false;
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static Optional<TenantId> tenantOf(String payload) {
        int colon = payload.indexOf(':');
        try {
            return Optional.of(new TenantId(UUID.fromString(colon < 0 ? payload : payload.substring(0, colon))));
        } catch (IllegalArgumentException malformed) {
            LOG.warn("Ignored a change-feed notification that names no tenant: {}", payload);
            return Optional.empty();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection listening = connection;
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
