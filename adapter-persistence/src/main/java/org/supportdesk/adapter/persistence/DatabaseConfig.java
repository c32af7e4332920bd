package org.supportdesk.adapter.persistence;

import java.util.Objects;

/** Where the database is and how big a pool to keep. */
public record DatabaseConfig(String jdbcUrl, String user, String password, int maximumPoolSize) {
    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }
}
