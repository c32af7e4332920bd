package org.supportdesk.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One migrated schema of the test database, private to a test class, with the Supportdesk stores over it. Connects as
 * the application role, so row-level security applies as in production.
 */
public final class TestDatabase implements AutoCloseable {
    private final String schema;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final PostgresExtension.Server server;

    TestDatabase(PostgresExtension.Server server, String schema) {
        this.server = server;
        this.schema = schema;
        this.dataSource = Database.pool(new DatabaseConfig(
                server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public",
                server.user(),
                server.password(),
                12));
        this.jdbi = Database.jdbi(dataSource);
        jdbi.useHandle(handle -> handle.execute("CREATE SCHEMA " + schema));
        Database.migrate(dataSource);
    }

    public String schema() {
        return schema;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public JdbiTransactionRunner transactions() {
        return new JdbiTransactionRunner(jdbi);
    }

    public JdbiTenants tenants(InstantSource clock) {
        return new JdbiTenants(jdbi, transactions(), new JdbiSlaSettings(jdbi, clock), clock);
    }

    /**
     * A connection that row-level security does not bind (a superuser's), for tests that look past the policies; only
     * a cluster we started ourselves has one.
     */
    public Connection unrestrictedConnection() throws SQLException {
        Connection connection = server.superuserConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET search_path TO " + schema + ", public");
        }
        return connection;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
