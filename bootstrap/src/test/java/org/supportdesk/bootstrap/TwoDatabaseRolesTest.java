package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.adapter.persistence.Database;
import org.supportdesk.adapter.persistence.DatabaseConfig;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.application.privacy.ErasePerson;
import org.supportdesk.domain.tenant.Role;

/**
 * Least privilege in the database (the review's T1): the server migrates as the schema's owner and serves as a role
 * with row rights only, which can file tickets but cannot alter a table, turn row-level security off, drop a policy,
 * touch the journal's triggers or rewrite the journal.
 */
class TwoDatabaseRolesTest {
    private static LocalPostgres cluster;
    private static OpenDatabase database;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void open() {
        cluster = LocalPostgres.startThrowaway();
        database = OpenDatabase.open(Config.from(
                Map.of(
                        Config.DB_URL, cluster.jdbcUrl(),
                        Config.DB_USER, cluster.runtimeUser(),
                        Config.DB_PASSWORD, cluster.runtimePassword(),
                        Config.DB_OWNER_USER, cluster.user(),
                        Config.DB_OWNER_PASSWORD, cluster.password(),
                        Config.DATA_DIR, dataDir.toString()),
                Optional.empty()));
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void the_server_serves_as_the_runtime_role_which_can_do_everything_a_request_needs() {
        Core core = Core.over(
                database.jdbi(),
                Clock.systemUTC(),
                Config.from(Map.of(Config.DATA_DIR, dataDir.toString()), Optional.empty()));

        var admin = Onboarding.tenant(core.useCases(), "roles", "boss@roles.example", "boss-password");

        String servingRole = database.jdbi().withHandle(handle -> handle.createQuery("SELECT current_user")
                .mapTo(String.class)
                .one());
        assertThat(servingRole).isEqualTo(cluster.runtimeUser());
        assertThat(admin.tenant()).isNotNull();
    }

    @Test
    void the_runtime_role_can_erase_a_customer_and_so_redact_their_journal_entries() {
        Core core = Core.over(
                database.jdbi(),
                Clock.systemUTC(),
                Config.from(Map.of(Config.DATA_DIR, dataDir.toString()), Optional.empty()));
        var admin = Onboarding.tenant(core.useCases(), "erasing", "boss@erasing.example", "boss-password");
        var customer = Onboarding.person(
                core.useCases(), admin, "gone@erasing.example", "Gone Soon", Role.CUSTOMER, Optional.empty());

        var erased = core.useCases().admin().erasePerson().handle(new ErasePerson.Command(admin, customer.id()));

        assertThat(erased.erasure().journalEntries())
                .as("their person_created entry")
                .isPositive();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ALTER TABLE tickets NO FORCE ROW LEVEL SECURITY",
                "ALTER TABLE tickets DISABLE ROW LEVEL SECURITY",
                "ALTER TABLE journal DISABLE TRIGGER ALL",
                "DROP TABLE journal",
                "UPDATE journal SET correlation_id = 'rewritten'",
                "DELETE FROM journal",
                "TRUNCATE journal",
                "CREATE TABLE planted (id int)",
                "DELETE FROM flyway_schema_history"
            })
    void the_runtime_role_cannot_undo_what_keeps_tenants_apart_or_the_journal_honest(String statement)
            throws SQLException {
        try (Connection runtime = runtimeConnection();
                Statement sql = runtime.createStatement()) {
            assertThatThrownBy(() -> sql.execute(statement))
                    .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState())
                            .as(refused.getMessage())
                            .isEqualTo("42501")); // insufficient_privilege
        }
    }

    @Test
    void no_policy_can_be_dropped_by_the_runtime_role() throws SQLException {
        List<String> policies;
        try (Connection owner = DriverManager.getConnection(cluster.jdbcUrl(), cluster.user(), cluster.password());
                Statement sql = owner.createStatement();
                ResultSet rows = sql.executeQuery("SELECT policyname, tablename FROM pg_policies")) {
            policies = new ArrayList<>();
            while (rows.next()) {
                policies.add("DROP POLICY " + rows.getString(1) + " ON " + rows.getString(2));
            }
        }
        assertThat(policies).isNotEmpty();
        try (Connection runtime = runtimeConnection();
                Statement sql = runtime.createStatement()) {
            for (String drop : policies) {
                assertThatThrownBy(() -> sql.execute(drop))
                        .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState())
                                .isEqualTo("42501"));
            }
        }
    }

    @Test
    void a_serving_role_that_owns_the_schema_is_refused() {
        try (var ownerPool =
                Database.pool(new DatabaseConfig(cluster.jdbcUrl(), cluster.user(), cluster.password(), 1))) {
            assertThatThrownBy(() -> Database.requireNotSchemaOwner(ownerPool))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'" + cluster.user() + "' owns")
                    .hasMessageContaining("row-level security");
        }
        assertThatThrownBy(() -> Config.from(
                        Map.of(
                                Config.DB_URL, cluster.jdbcUrl(),
                                Config.DB_USER, cluster.user(),
                                Config.DB_OWNER_USER, cluster.user()),
                        Optional.empty()))
                .isInstanceOf(Config.InvalidConfig.class)
                .hasMessageContaining("must name another role");
    }

    private static Connection runtimeConnection() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(), cluster.runtimeUser(), cluster.runtimePassword());
    }
}
