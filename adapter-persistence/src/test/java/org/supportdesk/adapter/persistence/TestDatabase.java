package org.supportdesk.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.Optional;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.testing.FakePasswordHashing;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSlug;

/**
 * One migrated schema of the test database, private to a test class, with the Supportdesk stores over it. Connects as
 * the application role, so row-level security applies as in production.
 */
public final class TestDatabase implements AutoCloseable {
    private final String schema;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final JdbiTransactionRunner transactions;
    private final TenantScope scope;
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
        this.transactions = new JdbiTransactionRunner(jdbi);
        this.scope = new TenantScope(jdbi, transactions);
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

    /** The runner whose transactions the stores over {@link #scope()} act in. */
    public JdbiTransactionRunner transactions() {
        return transactions;
    }

    /** What a store built here on its own reaches the database through, checked against {@link #transactions()}. */
    TenantScope scope() {
        return scope;
    }

    /** Creates the tenant {@code id} with its defaults, as an operator would ({@code CreateTenant}), with no admin. */
    public void createTenant(TenantId id, String slug, InstantSource clock) {
        UseCases.over(
                        JdbiStores.over(jdbi, clock).ports(new FakePasswordHashing(), new SecureRandomSecrets()),
                        new TimeOrderedIds(clock),
                        () -> "test-setup",
                        clock)
                .createTenant()
                .handle(new CreateTenant.Command(Optional.of(id), new TenantSlug(slug), slug, Optional.empty()));
    }

    /** Creates the fixture's tenant under {@code slug}, then stores its organisation and its cast. */
    public void storeTenant(TenantFixture fixture, String slug, InstantSource clock) {
        createTenant(fixture.tenant, slug, clock);
        JdbiPeople people = new JdbiPeople(scope, clock);
        transactions().inTransaction(fixture.tenant, () -> {
            people.addOrganization(fixture.organization);
            fixture.everyone().forEach(people::add);
            return null;
        });
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

    /**
     * Runs bulk set-up (seeding a few hundred thousand rows, VACUUM) on a pooled connection, inside the thread's
     * transaction when it has one, without the socket and statement timeouts that bound requests: on a loaded machine
     * set-up may take longer than any request may.
     */
    public void bulk(HandleConsumer<RuntimeException> setUp) {
        try {
            jdbi.<SQLException>useHandle(handle -> {
                Connection connection = handle.getConnection();
                int networkTimeout = connection.getNetworkTimeout();
                String statementTimeout = handle.createQuery("SHOW statement_timeout")
                        .mapTo(String.class)
                        .one();
                connection.setNetworkTimeout(Runnable::run, 0);
                handle.execute("SET statement_timeout = 0");
                try {
                    setUp.useHandle(handle);
                } finally {
                    handle.execute("SET statement_timeout = '" + statementTimeout + "'");
                    connection.setNetworkTimeout(Runnable::run, networkTimeout);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lift the request timeouts for set-up", e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
