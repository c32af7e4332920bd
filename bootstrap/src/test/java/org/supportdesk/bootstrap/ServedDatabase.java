package org.supportdesk.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.adapter.persistence.LocalPgBouncer;
import org.supportdesk.adapter.persistence.LocalPostgres;

/**
 * The database a test server serves from: a throwaway cluster, reached straight as one role, or through PgBouncer in
 * transaction mode as a production deployment would (docs/operations.md, "Behind PgBouncer"): served as the runtime
 * role, migrated as the schema's owner, with the cluster as the direct connection. Closing it stops both.
 */
record ServedDatabase(LocalPostgres cluster, Optional<LocalPgBouncer> pooler) implements AutoCloseable {
    /** A fresh cluster, reached straight. */
    static ServedDatabase direct() {
        return new ServedDatabase(LocalPostgres.startThrowaway(), Optional.empty());
    }

    /**
     * A fresh cluster behind PgBouncer, whose serving role carries its own timeouts as docs/operations.md asks, since
     * the pool sets none behind a pooler.
     */
    static ServedDatabase throughPgBouncer() {
        LocalPostgres cluster = LocalPostgres.startThrowaway();
        try {
            giveTimeouts(cluster.runtimeUser(), cluster);
            return new ServedDatabase(cluster, Optional.of(LocalPgBouncer.inFrontOf(cluster)));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static void giveTimeouts(String role, LocalPostgres cluster) {
        try (Connection superuser = cluster.superuserConnection(cluster.database());
                Statement sql = superuser.createStatement()) {
            sql.execute("ALTER ROLE " + role + " SET statement_timeout = '20s'");
            sql.execute("ALTER ROLE " + role + " SET idle_in_transaction_session_timeout = '60s'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give the role " + role + " its timeouts", e);
        }
    }

    /** The role the server serves requests as. */
    String servingRole() {
        return pooler.isPresent() ? cluster.runtimeUser() : cluster.user();
    }

    /** The database settings of a server on it: behind PgBouncer, the pooler's URL, the direct one and two roles. */
    Map<String, String> settings() {
        if (pooler.isEmpty()) {
            return Map.of(
                    Config.DB_URL, cluster.jdbcUrl(),
                    Config.DB_USER, cluster.user(),
                    Config.DB_PASSWORD, cluster.password());
        }
        return Map.of(
                Config.DB_URL, pooler.get().jdbcUrl(),
                Config.DB_DIRECT_URL, cluster.jdbcUrl(),
                Config.DB_USER, cluster.runtimeUser(),
                Config.DB_PASSWORD, cluster.runtimePassword(),
                Config.DB_OWNER_USER, cluster.user(),
                Config.DB_OWNER_PASSWORD, cluster.password());
    }

    @Override
    public void close() {
        try {
            pooler.ifPresent(LocalPgBouncer::close);
        } finally {
            cluster.close();
        }
    }
}
