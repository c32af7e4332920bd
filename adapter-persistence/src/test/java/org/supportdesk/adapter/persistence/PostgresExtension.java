package org.supportdesk.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a real PostgreSQL: the database at {@code SUPPORTDESK_TEST_DB_URL} (with
 * {@code SUPPORTDESK_TEST_DB_USER} and {@code SUPPORTDESK_TEST_DB_PASSWORD}) if set, otherwise a throwaway cluster
 * started once per test run from the machine's PostgreSQL binaries and removed at the end. Each test class gets its own
 * freshly migrated schema, so tests never depend on each other's data or order. Inject {@link TestDatabase} as a
 * constructor or method parameter.
 */
public final class PostgresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext =
                context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                        ? context.getParent().orElseThrow()
                        : context;
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        "database",
                        key -> new ClassDatabase(new TestDatabase(server(context), newSchemaName())),
                        ClassDatabase.class)
                .database();
    }

    private static Server server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> Server.start(), Server.class);
    }

    private static String newSchemaName() {
        return "test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    /** Closes the class's pool when the class is done. */
    private record ClassDatabase(TestDatabase database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            database.close();
        }
    }

    /** The database server of the whole run. */
    static final class Server implements ExtensionContext.Store.CloseableResource {
        private final String jdbcUrl;
        private final String user;
        private final String password;
        private final LocalPostgres cluster;

        private Server(String jdbcUrl, String user, String password, LocalPostgres cluster) {
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.password = password;
            this.cluster = cluster;
        }

        static Server start() {
            String url = System.getenv("SUPPORTDESK_TEST_DB_URL");
            if (url != null && !url.isBlank()) {
                return new Server(
                        url,
                        System.getenv().getOrDefault("SUPPORTDESK_TEST_DB_USER", "supportdesk"),
                        System.getenv().getOrDefault("SUPPORTDESK_TEST_DB_PASSWORD", ""),
                        null);
            }
            LocalPostgres cluster = LocalPostgres.startThrowaway();
            return new Server(cluster.jdbcUrl(), cluster.user(), cluster.password(), cluster);
        }

        String jdbcUrl() {
            return jdbcUrl;
        }

        String user() {
            return user;
        }

        String password() {
            return password;
        }

        Connection superuserConnection() throws SQLException {
            if (cluster == null) {
                String url = System.getenv("SUPPORTDESK_TEST_DB_SUPERUSER_URL");
                if (url == null) {
                    throw new IllegalStateException(
                            "set SUPPORTDESK_TEST_DB_SUPERUSER_URL to run tests that look past row-level security");
                }
                return DriverManager.getConnection(url);
            }
            return cluster.superuserConnection("supportdesk");
        }

        @Override
        public void close() {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
