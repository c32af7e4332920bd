package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.application.testing.TenantFixture;

/** The journal is append-only for everyone (§16): a trigger refuses update, delete and truncate. */
@ExtendWith(PostgresExtension.class)
class JournalAppendOnlyTest {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final TestDatabase database;
    private final JdbiSupportdesk core;

    JournalAppendOnlyTest(TestDatabase database) {
        this.database = database;
        this.core = new JdbiSupportdesk(database);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "UPDATE journal SET actor_name = 'Mallory', changes = '[]'",
                "DELETE FROM journal",
                "TRUNCATE journal"
            })
    void the_application_role_cannot_rewrite_the_journal(String statement) throws SQLException {
        TenantFixture tenant = core.newTenant();
        core.useCases
                .portal()
                .fileTicket()
                .handle(JdbiSupportdesk.filing(tenant, "On the record"))
                .id();
        List<String> before = journalOf(tenant);
        assertThat(before).isNotEmpty();

        assertThatThrownBy(() -> core.stores
                        .transactions()
                        .inTransaction(tenant.tenant, () -> core.jdbi.withHandle(handle -> handle.execute(statement))))
                .satisfies(thrown -> isAppendOnlyRefusal(thrown));

        assertThat(journalOf(tenant)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "UPDATE journal SET actor_name = 'Mallory', changes = '[]'",
                "DELETE FROM journal",
                "TRUNCATE journal"
            })
    void neither_can_a_superuser(String statement) throws SQLException {
        TenantFixture tenant = core.newTenant();
        core.useCases
                .portal()
                .fileTicket()
                .handle(JdbiSupportdesk.filing(tenant, "On the record"))
                .id();
        List<String> before = journalOf(tenant);
        assertThat(before).isNotEmpty();

        assertThatThrownBy(() -> {
                    try (Connection superuser = database.unrestrictedConnection();
                            Statement sql = superuser.createStatement()) {
                        sql.execute(statement);
                    }
                })
                .satisfies(thrown -> isAppendOnlyRefusal(thrown));

        assertThat(journalOf(tenant)).isEqualTo(before);
    }

    @Test
    void appending_still_works() throws SQLException {
        TenantFixture tenant = core.newTenant();
        core.useCases
                .portal()
                .fileTicket()
                .handle(JdbiSupportdesk.filing(tenant, "First"))
                .id();
        int before = journalOf(tenant).size();

        core.useCases
                .portal()
                .fileTicket()
                .handle(JdbiSupportdesk.filing(tenant, "Second"))
                .id();

        assertThat(journalOf(tenant).size()).isGreaterThan(before);
    }

    /** The tenant's journal rows, every column, as seen past row-level security. */
    private List<String> journalOf(TenantFixture tenant) throws SQLException {
        try (Connection superuser = database.unrestrictedConnection();
                PreparedStatement sql =
                        superuser.prepareStatement("SELECT j::text FROM journal j WHERE tenant_id = ? ORDER BY id")) {
            sql.setObject(1, tenant.tenant.value());
            List<String> rows = new ArrayList<>();
            try (ResultSet result = sql.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    private static void isAppendOnlyRefusal(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("the SQL error under %s", thrown).isInstanceOf(SQLException.class);
        assertThat(((SQLException) cause).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(cause.getMessage()).contains("the journal is append-only");
    }
}
