package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.supportdesk.application.admin.CreateApiToken;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.idempotency.RunOnce;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.mail.MailOutcome;
import org.supportdesk.domain.mail.ReceivedMail;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.notify.TelegramChat;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.notify.WebhookUrl;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.port.StreamTickets;
import org.supportdesk.domain.sla.OpeningInterval;
import org.supportdesk.domain.sla.WeeklyHours;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.Via;

/**
 * Defence in depth (§16): whatever SQL runs, row-level security keeps a transaction to the rows of the tenant it is
 * bound to. The queries here deliberately carry no tenant predicate, bypassing the repositories' own filters.
 */
@ExtendWith(PostgresExtension.class)
class RowLevelSecurityTest {
    /** The tenant tables the core schema ships; the catalog may list more, never fewer. */
    private static final List<String> KNOWN_TENANT_TABLES = List.of(
            "tenant_settings",
            "categories",
            "organizations",
            "users",
            "ticket_number_counters",
            "ticket_counts",
            "ticket_tag_counts",
            "tickets",
            "tags",
            "ticket_tags",
            "messages",
            "journal",
            "journal_chain",
            "outbox",
            "idempotency_keys",
            "sla_policies",
            "sla_policy_targets",
            "business_calendars",
            "business_calendar_hours",
            "business_calendar_holidays",
            "api_tokens",
            "kb_articles",
            "kb_article_tags",
            "call_requests",
            "notifications",
            "webhooks",
            "outbox_deliveries",
            "telegram_bots",
            "telegram_chats",
            "telegram_tickets",
            "telegram_messages",
            "telegram_updates",
            "email_channels",
            "received_mails");

    private final TestDatabase database;
    private final JdbiSupportdesk core;

    RowLevelSecurityTest(TestDatabase database) {
        this.database = database;
        this.core = new JdbiSupportdesk(database);
    }

    @Test
    void every_tenant_table_has_forced_row_level_security_with_a_policy() {
        List<String> tables = tenantTables();

        assertThat(tables).containsAll(KNOWN_TENANT_TABLES).doesNotContain("tenants");
        for (String table : tables) {
            boolean[] flags = core.jdbi.withHandle(handle -> handle.createQuery(
                            """
                            SELECT c.relrowsecurity, c.relforcerowsecurity
                              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname = :schema AND c.relname = :table
                            """)
                    .bind("schema", database.schema())
                    .bind("table", table)
                    .map((rs, ctx) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
                    .one());
            assertThat(flags)
                    .as("relrowsecurity, relforcerowsecurity of %s", table)
                    .containsExactly(true, true);
            long policies = core.jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT count(*) FROM pg_policies WHERE schemaname = :schema AND tablename = :table")
                    .bind("schema", database.schema())
                    .bind("table", table)
                    .mapTo(Long.class)
                    .one());
            assertThat(policies).as("policies on %s", table).isPositive();
        }
    }

    @Test
    void a_transaction_bound_to_one_tenant_sees_none_of_another_tenants_rows_in_any_table() {
        TenantFixture a = core.newTenant();
        TenantFixture b = core.newTenant();
        seedEveryTable(a);
        seedEveryTable(b);

        for (String table : tenantTables()) {
            long ofA = core.unrestrictedCount(
                    quoted("SELECT count(*) FROM %s WHERE tenant_id = ?", table), a.tenant.value());
            long ofB = core.unrestrictedCount(
                    quoted("SELECT count(*) FROM %s WHERE tenant_id = ?", table), b.tenant.value());
            assertThat(ofB)
                    .as("rows of tenant B in %s (seed every tenant table in seedEveryTable)", table)
                    .isPositive();
            assertThat(ofA).as("rows of tenant A in %s", table).isPositive();

            long seenByA = core.stores
                    .transactions()
                    .inTransaction(
                            a.tenant,
                            () -> core.jdbi.withHandle(handle -> count(handle, "SELECT count(*) FROM %s", table)));
            long ofBSeenByA = core.stores
                    .transactions()
                    .inTransaction(
                            a.tenant,
                            () -> core.jdbi.withHandle(handle -> handle.createQuery(
                                            quoted("SELECT count(*) FROM %s WHERE tenant_id = :b", table))
                                    .bind("b", b.tenant.value())
                                    .mapTo(Long.class)
                                    .one()));

            assertThat(seenByA)
                    .as("rows tenant A's transaction sees in %s", table)
                    .isEqualTo(ofA);
            assertThat(ofBSeenByA)
                    .as("rows of B tenant A's transaction sees in %s", table)
                    .isZero();
        }
    }

    @Test
    void without_a_tenant_bound_nothing_is_visible() {
        TenantFixture a = core.newTenant();
        seedEveryTable(a);

        for (String table : tenantTables()) {
            long inTransaction = core.jdbi.inTransaction(handle -> count(handle, "SELECT count(*) FROM %s", table));
            long autocommit = core.jdbi.withHandle(handle -> count(handle, "SELECT count(*) FROM %s", table));

            assertThat(inTransaction)
                    .as("rows visible in %s without a tenant", table)
                    .isZero();
            assertThat(autocommit)
                    .as("rows visible in %s without a tenant or transaction", table)
                    .isZero();
        }
    }

    @Test
    void the_tenant_binding_ends_with_its_transaction() {
        TenantFixture a = core.newTenant();
        seedEveryTable(a);

        core.stores.transactions().inTransaction(a.tenant, () -> null);

        // The pool hands back the connection the bound transaction used; its setting must not outlive it.
        for (int i = 0; i < 20; i++) {
            long visible = core.jdbi.withHandle(handle -> count(handle, "SELECT count(*) FROM %s", "tickets"));
            assertThat(visible).isZero();
        }
    }

    /** The caller of a request is read by one statement that binds the tenant itself (V146 {@code caller_of}). */
    @Test
    void the_callers_read_binds_its_tenant_for_its_own_statement_only() {
        TenantFixture a = core.newTenant();
        TenantFixture b = core.newTenant();
        seedEveryTable(a);
        String callerOf = "SELECT count(*) FROM caller_of(:tenant, :person)";

        core.jdbi.useHandle(handle -> {
            assertThat(handle.createQuery(callerOf)
                            .bind("tenant", a.tenant.value())
                            .bind("person", a.agent.id().value())
                            .mapTo(Long.class)
                            .one())
                    .isOne();
            assertThat(handle.createQuery("SELECT coalesce(current_setting('supportdesk.tenant_id', true), '')")
                            .mapTo(String.class)
                            .one())
                    .as("the same connection, after the statement")
                    .isEmpty();
            assertThat(count(handle, "SELECT count(*) FROM %s", "tickets")).isZero();
        });
        assertThatThrownBy(() -> core.stores
                        .transactions()
                        .inTransaction(a.tenant, () -> core.stores.people().caller(b.tenant, b.agent.id())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> core.stores
                        .transactions()
                        .inTransaction(
                                a.tenant,
                                () -> core.jdbi.withHandle(handle -> handle.createQuery(callerOf)
                                        .bind("tenant", b.tenant.value())
                                        .bind("person", b.agent.id().value())
                                        .mapTo(Long.class)
                                        .one())))
                .hasMessageContaining("bound to another tenant");
    }

    @Test
    void a_row_for_another_tenant_is_refused_inside_a_bound_transaction() {
        TenantFixture a = core.newTenant();
        TenantFixture b = core.newTenant();

        assertThatThrownBy(() -> core.stores
                        .transactions()
                        .inTransaction(
                                a.tenant,
                                () -> core.jdbi.withHandle(handle -> handle.createUpdate(
                                                "INSERT INTO categories (tenant_id, slug) VALUES (:b, 'smuggled')")
                                        .bind("b", b.tenant.value())
                                        .execute())))
                .satisfies(RowLevelSecurityTest::isRowLevelSecurityViolation);
        // The journal store itself refuses an entry for B in A's transaction before any SQL runs (TenantScopeTest).
        assertThatThrownBy(() -> core.stores
                        .transactions()
                        .inTransaction(
                                a.tenant,
                                () -> core.jdbi.withHandle(handle -> handle.createUpdate(
                                                """
                                                INSERT INTO journal (tenant_id, id, actor_name, action, target_kind,
                                                    target_id, changes, correlation_id, at, seq, content_digest,
                                                    chain_hash)
                                                VALUES (:b, :id, 'Supportdesk', 'settings_changed', 'tenant', :b,
                                                    '[]', 'smuggled', :at, 1, sha256(''), sha256(''))
                                                """)
                                        .bind("b", b.tenant.value())
                                        .bind("id", UUID.randomUUID())
                                        .bind("at", core.clock.instant())
                                        .execute())))
                .satisfies(RowLevelSecurityTest::isRowLevelSecurityViolation);
        // Nor can an update move one of A's rows over to B.
        assertThatThrownBy(() -> core.stores
                        .transactions()
                        .inTransaction(
                                a.tenant,
                                () -> core.jdbi.withHandle(handle -> handle.createUpdate(
                                                "UPDATE categories SET tenant_id = :b WHERE slug = 'other'")
                                        .bind("b", b.tenant.value())
                                        .execute())))
                .satisfies(RowLevelSecurityTest::isRowLevelSecurityViolation);

        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM categories WHERE tenant_id = ? AND slug = 'smuggled'", b.tenant.value()))
                .isZero();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM journal WHERE tenant_id = ? AND correlation_id = 'smuggled'",
                        b.tenant.value()))
                .isZero();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM categories WHERE tenant_id = ? AND slug = 'other'", a.tenant.value()))
                .isOne();
    }

    @Test
    void a_transaction_bound_to_one_tenant_cannot_be_joined_for_another() {
        TenantFixture a = core.newTenant();
        TenantFixture b = core.newTenant();

        assertThatThrownBy(() -> core.stores.transactions().inTransaction(a.tenant, () -> core.stores
                        .transactions()
                        .inTransaction(b.tenant, () -> null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot act for");
    }

    @Test
    void the_application_role_is_bound_by_row_level_security_and_a_superuser_is_refused() throws SQLException {
        assertThatCode(() -> Database.requireRowLevelSecurityBinds(database.dataSource()))
                .doesNotThrowAnyException();

        PGSimpleDataSource superuser = new PGSimpleDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return database.unrestrictedConnection();
            }
        };
        assertThatThrownBy(() -> Database.requireRowLevelSecurityBinds(superuser))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("superuser or has BYPASSRLS");
    }

    @Test
    void a_role_with_bypassrls_is_refused() throws SQLException {
        String role = "bypass_" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        try (Connection admin = database.unrestrictedConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER BYPASSRLS PASSWORD '" + password + "'");
        }
        try {
            PGSimpleDataSource bypassing = new PGSimpleDataSource();
            bypassing.setUrl(database.dataSource().getJdbcUrl());
            bypassing.setUser(role);
            bypassing.setPassword(password);

            assertThatThrownBy(() -> Database.requireRowLevelSecurityBinds(bypassing))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(role);
        } finally {
            try (Connection admin = database.unrestrictedConnection();
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP ROLE " + role);
            }
        }
    }

    /** Puts at least one row of {@code tenant} in every tenant table, through the real use cases. */
    private void seedEveryTable(TenantFixture tenant) {
        // tenant_settings, categories (tenant creation), organizations, users (the cast); then the ticket, number
        // counter, journal and outbox of a filing, and an idempotency key.
        TicketState ticket = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Seed"));
        core.useCases
                .runOnce()
                .handle(new RunOnce.Command(
                        new IdempotencyKey(tenant.tenant, "caller", "POST", "/api/v1/portal/tickets", "seed"),
                        "fingerprint",
                        () -> new RunOnce.Answer(201, "{}")));
        // messages
        core.useCases
                .desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(
                        tenant.agentActor(), ticket.id(), new Body("On it"), Via.API, false, Optional.empty()));
        // tags, ticket_tags
        core.useCases
                .desk()
                .updateTicket()
                .handle(new UpdateTicket.Command(
                        tenant.agentActor(),
                        ticket.id(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Tags.of(List.of("vip"))),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        // attachments (an upload, not yet linked)
        core.stores.transactions().inTransaction(tenant.tenant, () -> {
            core.stores
                    .attachments()
                    .add(new org.supportdesk.domain.attachment.Attachment(
                            new org.supportdesk.domain.ticket.AttachmentId(java.util.UUID.randomUUID()),
                            tenant.tenant,
                            tenant.customer.id(),
                            org.supportdesk.domain.attachment.FileName.sanitise("seed.txt"),
                            org.supportdesk.domain.attachment.AttachmentType.TEXT,
                            4,
                            new org.supportdesk.domain.attachment.ContentDigest("b".repeat(64)),
                            core.clock.instant(),
                            Optional.empty()));
            return null;
        });
        // api_tokens (and the token's identity in users)
        core.useCases
                .admin()
                .createApiToken()
                .handle(new CreateApiToken.Command(tenant.adminActor(), "CI", Role.AGENT));
        // sla_policies, sla_policy_targets, business_calendars (version 1 from tenant creation); hours and holidays
        core.stores.transactions().inTransaction(tenant.tenant, () -> {
            core.stores
                    .slaSettings()
                    .addCalendar(
                            tenant.tenant,
                            new WeeklyHoursCalendar(
                                    2,
                                    ZoneId.of("Europe/Berlin"),
                                    WeeklyHours.mondayToFriday(OpeningInterval.parse("09:00", "17:00")),
                                    Set.of(LocalDate.of(2026, 12, 25))));
            return null;
        });
        // kb_articles, kb_article_tags
        core.stores.transactions().inTransaction(tenant.tenant, () -> {
            core.stores
                    .knowledgeBase()
                    .add(Article.write(
                            new ArticleId(UUID.randomUUID()),
                            tenant.tenant,
                            new ArticleTitle("Seed article"),
                            new ArticleBody("Seed"),
                            ArticleStatus.PUBLISHED,
                            ArticleTags.of(List.of("seed")),
                            core.clock.instant()));
            return null;
        });
        // call_requests
        core.stores.transactions().inTransaction(tenant.tenant, () -> {
            core.stores
                    .callRequests()
                    .add(CallRequest.request(
                            new CallId(UUID.randomUUID()),
                            tenant.customerActor(),
                            Optional.of(ticket.id()),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            core.clock.instant()));
            return null;
        });
        // webhooks and outbox_deliveries
        core.stores.transactions().inTransaction(tenant.tenant, () -> {
            UUID hook = UUID.randomUUID();
            core.stores
                    .webhooks()
                    .add(new Webhook(
                            hook,
                            tenant.tenant,
                            WebhookUrl.parse("url", "https://hooks.example.com/seed"),
                            Set.of("*"),
                            "Seed",
                            "sealed",
                            core.clock.instant(),
                            core.clock.instant()));
            core.stores
                    .deliveries()
                    .add(Delivery.owed(
                            UUID.randomUUID(),
                            tenant.tenant,
                            UUID.randomUUID(),
                            "webhook",
                            hook.toString(),
                            "ticket_created",
                            "seed-" + hook,
                            "{}",
                            core.clock.instant()));
            return null;
        });
        // telegram_bots, telegram_chats, telegram_tickets, telegram_messages, telegram_updates
        core.stores.transactions().inTransaction(tenant.tenant, () -> {
            var telegram = core.stores.telegram();
            telegram.saveBot(new TelegramBot(
                    tenant.tenant,
                    "seed_bot",
                    "sealed",
                    "digest",
                    URI.create("https://desk.example/api/v1/inbound/telegram/" + tenant.tenant.value()),
                    core.clock.instant()));
            telegram.addChat(
                    new TelegramChat(tenant.tenant, 42, tenant.customer.id(), Optional.of("ru"), core.clock.instant()));
            telegram.linkTicket(tenant.tenant, ticket.id(), 42, 1, core.clock.instant());
            telegram.linkMessage(
                    tenant.tenant,
                    core.stores
                            .tickets()
                            .messagesOf(tenant.tenant, ticket.id())
                            .get(0)
                            .id(),
                    42,
                    2);
            telegram.takeUpdate(tenant.tenant, 1, core.clock.instant());
            return null;
        });
        // stream_tickets (change_events and change_counters come with every change above)
        core.stores.transactions().inTransaction(tenant.tenant, () -> {
            core.stores
                    .streamTickets()
                    .add(
                            tenant.tenant,
                            "seed-digest",
                            new StreamTickets.Holder(tenant.agent.id(), Role.AGENT),
                            core.clock.instant().plusSeconds(60));
            return null;
        });
        // email_channels and received_mails
        core.stores.transactions().inTransaction(tenant.tenant, () -> {
            core.stores
                    .emailChannels()
                    .save(new EmailChannel(
                            tenant.tenant,
                            Email.of("support@seed.example"),
                            Optional.empty(),
                            "seed-hash",
                            core.clock.instant(),
                            core.clock.instant()));
            core.stores
                    .receivedMails()
                    .add(new ReceivedMail(
                            tenant.tenant,
                            "<seed@seed.example>",
                            "seed@seed.example",
                            MailOutcome.IGNORED,
                            Optional.empty(),
                            Optional.of("auto_submitted"),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            core.clock.instant()));
            return null;
        });
    }

    /** Every table of the schema with a tenant_id column, from the catalog, so a new one cannot be forgotten. */
    private List<String> tenantTables() {
        return core.jdbi.withHandle(handle -> handle.createQuery(
                        """
                        SELECT c.table_name
                          FROM information_schema.columns c
                          JOIN information_schema.tables t
                            ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                         WHERE c.table_schema = :schema AND c.column_name = 'tenant_id'
                           AND t.table_type = 'BASE TABLE'
                         ORDER BY c.table_name
                        """)
                .bind("schema", database.schema())
                .mapTo(String.class)
                .list());
    }

    private static long count(Handle handle, String sql, String table) {
        return handle.createQuery(quoted(sql, table)).mapTo(Long.class).one();
    }

    private static String quoted(String sql, String table) {
        return String.format(Locale.ROOT, sql, "\"" + table.replace("\"", "\"\"") + "\"");
    }

    private static void isRowLevelSecurityViolation(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("the SQL error under %s", thrown).isInstanceOf(SQLException.class);
        assertThat(((SQLException) cause).getSQLState()).isEqualTo("42501");
        assertThat(cause.getMessage()).contains("row-level security policy");
    }
}
