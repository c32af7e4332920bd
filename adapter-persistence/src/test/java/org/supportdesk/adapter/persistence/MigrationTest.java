package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The migrations build the schema from nothing, validate against this build and are not applied twice. */
@ExtendWith(PostgresExtension.class)
class MigrationTest {
    private static final List<String> EXPECTED_TABLES = List.of(
            "api_tokens",
            "attachments",
            "business_calendar_holidays",
            "business_calendar_hours",
            "business_calendars",
            "call_requests",
            "categories",
            "change_counters",
            "change_events",
            "email_channels",
            "flyway_schema_history",
            "idempotency_keys",
            "journal",
            "kb_article_tags",
            "kb_articles",
            "messages",
            "notifications",
            "organizations",
            "outbox",
            "outbox_deliveries",
            "received_mails",
            "sla_policies",
            "sla_policy_targets",
            "stream_tickets",
            "tags",
            "telegram_bots",
            "telegram_chats",
            "telegram_messages",
            "telegram_tickets",
            "telegram_updates",
            "tenant_settings",
            "tenants",
            "ticket_counts",
            "ticket_number_counters",
            "ticket_tags",
            "tickets",
            "users",
            "webhooks");

    private final TestDatabase database;

    MigrationTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void the_migrated_schema_has_the_expected_tables_and_validates() {
        assertThat(tablesOf(database.jdbi(), database.schema())).containsExactlyElementsOf(EXPECTED_TABLES);
        assertThatCode(() -> Database.validate(database.dataSource())).doesNotThrowAnyException();
    }

    @Test
    void migrating_again_is_a_no_op() {
        List<String> history = historyOf(database.jdbi());

        Database.migrate(database.dataSource());
        Database.migrate(database.dataSource());

        assertThat(historyOf(database.jdbi())).isEqualTo(history).isNotEmpty();
        assertThat(tablesOf(database.jdbi(), database.schema())).containsExactlyElementsOf(EXPECTED_TABLES);
    }

    @Test
    void an_empty_schema_fails_validation_until_migrated() {
        String schema = "empty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database.jdbi().useHandle(handle -> handle.execute("CREATE SCHEMA " + schema));
        try (HikariDataSource empty = Database.pool(new DatabaseConfig(
                database.dataSource()
                        .getJdbcUrl()
                        .replace("currentSchema=" + database.schema(), "currentSchema=" + schema),
                database.dataSource().getUsername(),
                database.dataSource().getPassword(),
                2))) {
            Jdbi jdbi = Database.jdbi(empty);
            assertThat(tablesOf(jdbi, schema)).isEmpty();
            assertThatThrownBy(() -> Database.validate(empty)).isNotNull();

            Database.migrate(empty);

            assertThat(tablesOf(jdbi, schema)).containsExactlyElementsOf(EXPECTED_TABLES);
            assertThatCode(() -> Database.validate(empty)).doesNotThrowAnyException();
            List<String> history = historyOf(jdbi);
            Database.migrate(empty);
            assertThat(historyOf(jdbi)).isEqualTo(history);
        } finally {
            database.jdbi().useHandle(handle -> handle.execute("DROP SCHEMA " + schema + " CASCADE"));
        }
    }

    private static List<String> tablesOf(Jdbi jdbi, String schema) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        """
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = :schema AND table_type = 'BASE TABLE'
                         ORDER BY table_name
                        """)
                .bind("schema", schema.toLowerCase(Locale.ROOT))
                .mapTo(String.class)
                .list());
    }

    /** Every applied migration: rank, version, checksum, success. */
    private static List<String> historyOf(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        """
                        SELECT installed_rank || ' ' || coalesce(version, '-') || ' ' || coalesce(checksum::text, '-')
                               || ' ' || success
                          FROM flyway_schema_history ORDER BY installed_rank
                        """)
                .mapTo(String.class)
                .list());
    }
}
