package org.supportdesk.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Starts a throwaway cluster from the bundled binaries (the search path names only {@code hiddenSystem}, which holds
 * no PostgreSQL), runs our Flyway migrations on it (they create pg_trgm and btree_gin), queries it and stops it. Used
 * in-process by {@link BundledPostgresTest}, and as {@link #main} in a child JVM run as an unprivileged user.
 */
final class BundledClusterCheck {
    static final String SUCCESS = "bundled-cluster-check-passed";

    private BundledClusterCheck() {}

    /** What the check saw, for the test to assert on. */
    record Outcome(
            PostgresBinaries binaries,
            PostgresAccount account,
            String serverVersion,
            String extensions,
            double similarity,
            String serverProcessOwner) {}

    static Outcome run(Path hiddenSystem) throws SQLException {
        PostgresBinaries binaries =
                PostgresBinaries.locate(List.of(hiddenSystem), PostgresBinaries.defaultBundleDirectory());
        PostgresAccount account = PostgresAccount.forThisProcess();
        try (LocalPostgres cluster = LocalPostgres.startThrowaway(binaries, account);
                HikariDataSource pool =
                        Database.pool(new DatabaseConfig(cluster.jdbcUrl(), cluster.user(), cluster.password(), 2))) {
            Database.migrate(pool);
            try (Connection app = pool.getConnection();
                    Statement sql = app.createStatement()) {
                String version = single(sql, "SELECT current_setting('server_version')");
                String extensions = single(
                        sql,
                        "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension"
                                + " WHERE extname IN ('pg_trgm', 'btree_gin')");
                double similarity = Double.parseDouble(single(sql, "SELECT similarity('printer on fire', 'printer')"));
                String backend = single(sql, "SELECT pg_backend_pid()");
                String owner = Files.getOwner(Path.of("/proc", backend)).getName();
                return new Outcome(binaries, account, version, extensions, similarity, owner);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the owner of the server process", e);
            }
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    /** Runs the check and prints {@value #SUCCESS} with what it saw; exits non-zero on failure. */
    public static void main(String[] args) throws Exception {
        Outcome outcome = run(Path.of(args[0]));
        System.out.println(SUCCESS + " user=" + System.getProperty("user.name") + " bundled="
                + outcome.binaries().bundled() + " bin=" + outcome.binaries().bin() + " version="
                + outcome.serverVersion() + " extensions=" + outcome.extensions() + " similarity="
                + outcome.similarity() + " server-process-owner=" + outcome.serverProcessOwner());
    }
}
