package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.domain.journal.ChainVerdict;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

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
            "journal_chain",
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
            "ticket_tag_counts",
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
        inNewSchema("empty_", (schema, empty) -> {
            Jdbi jdbi = Database.jdbi(empty);
            assertThat(tablesOf(jdbi, schema)).isEmpty();
            assertThatThrownBy(() -> Database.validate(empty)).isNotNull();

            Database.migrate(empty);

            assertThat(tablesOf(jdbi, schema)).containsExactlyElementsOf(EXPECTED_TABLES);
            assertThatCode(() -> Database.validate(empty)).doesNotThrowAnyException();
            List<String> history = historyOf(jdbi);
            Database.migrate(empty);
            assertThat(historyOf(jdbi)).isEqualTo(history);
        });
    }

    /** Runs {@code test} on a pool over a new, empty schema, dropped afterwards. */
    private void inNewSchema(String prefix, BiConsumer<String, HikariDataSource> test) {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database.jdbi().useHandle(handle -> handle.execute("CREATE SCHEMA " + schema));
        try (HikariDataSource pool = Database.pool(new DatabaseConfig(
                database.dataSource()
                        .getJdbcUrl()
                        .replace("currentSchema=" + database.schema(), "currentSchema=" + schema),
                database.dataSource().getUsername(),
                database.dataSource().getPassword(),
                2))) {
            test.accept(schema, pool);
        } finally {
            database.jdbi().useHandle(handle -> handle.execute("DROP SCHEMA " + schema + " CASCADE"));
        }
    }

    /**
     * Entries written before the journal was chained (V130) are chained by V131 in the journal's order, and the chain
     * goes on from them: a database upgraded in place verifies, then keeps verifying as entries are appended.
     */
    @Test
    void an_upgrade_chains_the_entries_written_before_the_chain() {
        TenantId tenant = new TenantId(UUID.randomUUID());
        inNewSchema("upgrade_", (schema, upgraded) -> {
            Flyway.configure()
                    .dataSource(upgraded)
                    .locations("classpath:db/migration")
                    .target("122")
                    .load()
                    .migrate();
            Jdbi jdbi = Database.jdbi(upgraded);
            jdbi.useTransaction(handle -> {
                handle.execute(
                        "SELECT set_config('supportdesk.tenant_id', ?, true)",
                        tenant.value().toString());
                handle.execute(
                        "INSERT INTO tenants (id, slug, name, created_at) VALUES (?, 'upgraded', 'Upgraded', now())",
                        tenant.value());
                handle.execute(
                        """
                        INSERT INTO journal (tenant_id, id, actor_id, actor_name, actor_role, action, target_kind,
                            target_id, changes, correlation_id, at)
                        SELECT :tenant, gen_random_uuid(), NULL, 'Someone ' || g, NULL, 'settings_changed', 'tenant',
                               :tenant, jsonb_build_array(jsonb_build_object('field', 'name', 'before', NULL,
                                                                             'after', 'Acme ' || g)),
                               'before-the-chain', TIMESTAMPTZ '2026-01-01 00:00:00+00' + (g % 7) * INTERVAL '1 hour'
                          FROM generate_series(1, 2500) AS g
                        """
                                .replace(":tenant", "'" + tenant.value() + "'::uuid"));
            });

            Database.migrate(upgraded);

            JdbiStores stores = JdbiStores.over(jdbi, Clock.systemUTC());
            ChainVerdict before = stores.transactions()
                    .inTransaction(tenant, () -> stores.journal().verifyChain(tenant));
            assertThat(before.verified()).isTrue();
            assertThat(before.entries()).isEqualTo(2500);
            stores.transactions().inTransaction(tenant, () -> {
                stores.journal()
                        .append(new JournalEntry(
                                UUID.randomUUID(),
                                tenant,
                                Author.SYSTEM,
                                JournalAction.SETTINGS_CHANGED,
                                TargetKind.TENANT,
                                tenant.value(),
                                List.of(),
                                "after-the-chain",
                                Instant.now()));
                return null;
            });
            ChainVerdict after = stores.transactions()
                    .inTransaction(tenant, () -> stores.journal().verifyChain(tenant));
            assertThat(after.verified()).isTrue();
            assertThat(after.entries()).isEqualTo(2501);
            assertThatCode(() -> Database.validate(upgraded)).doesNotThrowAnyException();
        });
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
