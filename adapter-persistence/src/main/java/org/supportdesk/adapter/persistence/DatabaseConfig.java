package org.supportdesk.adapter.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is, how big a pool to keep, and how long a read from it may stay silent (a network partition)
 * before the connection is given up; statements are cut by the server well before that ({@link #statementTimeout()}).
 *
 * @param directUrl when present, {@code jdbcUrl} names a connection pooler in transaction mode (PgBouncer) and this
 *     names the database itself, for what needs a session of its own: migrations, {@code LISTEN}, the background
 *     jobs' lock (docs/adr/0020-pgbouncer-and-direct-connections.md)
 */
public record DatabaseConfig(
        String jdbcUrl,
        String user,
        String password,
        int maximumPoolSize,
        Duration socketTimeout,
        Optional<String> directUrl) {
    /** Two to three times the longest statement the API runs, as HikariCP's "Rapid Recovery" page advises. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        if (socketTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the socket timeout is whole seconds, at least one");
        }
        Objects.requireNonNull(directUrl, "directUrl");
    }

    /** Straight to the database, with no pooler in between. */
    public DatabaseConfig(String jdbcUrl, String user, String password, int maximumPoolSize, Duration socketTimeout) {
        this(jdbcUrl, user, password, maximumPoolSize, socketTimeout, Optional.empty());
    }

    /** Straight to the database, with the default socket timeout. */
    public DatabaseConfig(String jdbcUrl, String user, String password, int maximumPoolSize) {
        this(jdbcUrl, user, password, maximumPoolSize, DEFAULT_SOCKET_TIMEOUT);
    }

    /**
     * Two thirds of the socket timeout (20 s by default): a slow statement is cancelled by the server, which answers
     * and frees it, before the client would give up on a silent socket and leave the statement running there.
     */
    public Duration statementTimeout() {
        return socketTimeout.multipliedBy(2).dividedBy(3);
    }

    /** Whether {@link #jdbcUrl()} goes through a pooler in transaction mode, so no session outlives a transaction. */
    public boolean throughPooler() {
        return directUrl.isPresent();
    }

    /**
     * Straight to the database, as the same role, with a pool of {@code size}: for the work that holds a session
     * ({@link #directUrl()}), or to the one database there is when there is no pooler.
     */
    public DatabaseConfig direct(int size) {
        return new DatabaseConfig(directUrl.orElse(jdbcUrl), user, password, size, socketTimeout);
    }
}
