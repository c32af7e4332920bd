package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleFilter;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.mail.MailOutcome;
import org.supportdesk.domain.mail.ReceivedMail;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.notify.WebhookUrl;
import org.supportdesk.domain.port.CallFilter;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.port.IdempotencyRecord;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.sla.AlwaysOpen;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Language;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.testing.TicketBuilder;
import org.supportdesk.domain.ticket.TicketId;

/**
 * Every store refuses a call made outside a tenant-bound transaction, or inside one bound to another tenant, before
 * any SQL runs. The calls are generated: every public method of every store {@link JdbiStores} builds, with arguments
 * made for the tenant the call acts for, whether that tenant is a parameter or inside the value stored. The two tenant
 * lookups, which run before any tenant is bound, are the only calls left out, and are checked on their own.
 */
@ExtendWith(PostgresExtension.class)
class TenantScopeTest {
    /** The calls that by design run outside any tenant's transaction (sign-in, background work). */
    private static final Set<String> UNSCOPED = Set.of("JdbiTenants.bySlug(String)", "JdbiTenants.all()");

    /**
     * The calls that bind their tenant themselves, in their one statement, and so need no transaction (who a request
     * comes from, docs/adr/0028-the-caller-in-one-statement.md); inside another tenant's they are refused like the rest.
     */
    private static final Set<String> BIND_THEIR_OWN_TENANT =
            Set.of("JdbiPeople.caller(TenantId, UserId)", "JdbiApiTokens.bySecretDigest(TenantId, String)");

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final String DIGEST = "0123456789abcdef".repeat(4);

    private final TestDatabase database;
    private final JdbiStores stores;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final TenantId other = new TenantId(UUID.randomUUID());
    private final String tenantSlug = slug();

    TenantScopeTest(TestDatabase database) {
        this.database = database;
        InstantSource clock = InstantSource.fixed(AT);
        database.createTenant(tenant, tenantSlug, clock);
        database.createTenant(other, slug(), clock);
        database.jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
        this.stores = JdbiStores.over(database.jdbi(), clock);
    }

    @TestFactory
    Stream<DynamicTest> every_store_refuses_a_call_outside_any_transaction() {
        return calls().filter(call -> !BIND_THEIR_OWN_TENANT.contains(call.name()))
                .map(call -> dynamicTest(call.name(), () -> {
                    Map<String, Long> rowsBefore = rowsPerTable();
                    statements.clear();

                    assertThatThrownBy(call::invoke)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("refused a call for tenant " + tenant)
                            .hasMessageContaining("outside any tenant-bound transaction");

                    assertThat(statements).as("SQL run by %s", call.name()).isEmpty();
                    assertThat(rowsPerTable()).isEqualTo(rowsBefore);
                }));
    }

    @TestFactory
    Stream<DynamicTest> every_store_refuses_a_call_inside_another_tenants_transaction() {
        return calls().map(call -> dynamicTest(call.name(), () -> {
            Map<String, Long> rowsBefore = rowsPerTable();
            List<String> ran = new ArrayList<>();

            assertThatThrownBy(() -> stores.transactions().inTransaction(other, () -> {
                        statements.clear();
                        try {
                            return call.invoke();
                        } finally {
                            ran.addAll(statements);
                        }
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("refused a call for tenant " + tenant)
                    .hasMessageContaining("inside a transaction bound to another tenant, " + other);

            assertThat(ran).as("SQL run by %s", call.name()).isEmpty();
            assertThat(rowsPerTable()).isEqualTo(rowsBefore);
        }));
    }

    /** The refusals above are the guard's: in the tenant's own transaction the same calls do reach the database. */
    @TestFactory
    Stream<DynamicTest> the_same_calls_run_their_sql_inside_their_own_tenants_transaction() {
        return calls().map(call -> dynamicTest(call.name(), () -> {
            List<String> ran = new ArrayList<>();

            assertThatThrownBy(() -> stores.transactions().inTransaction(tenant, () -> {
                        statements.clear();
                        try {
                            call.invoke();
                        } catch (IllegalStateException e) {
                            assertThat(e).hasMessageNotContaining("refused a call");
                        } catch (RuntimeException madeUpDataRefusedByTheDatabase) {
                            // A foreign key or a version check may refuse these arguments; the SQL ran all the same.
                        } finally {
                            ran.addAll(statements);
                        }
                        throw new RollBack();
                    }))
                    .isInstanceOf(RollBack.class);

            assertThat(ran).as("SQL run by %s", call.name()).isNotEmpty();
        }));
    }

    @Test
    void the_calls_cover_every_store() {
        Set<String> checked = calls().map(
                        call -> call.name().substring(0, call.name().indexOf('.')))
                .collect(Collectors.toSet());

        assertThat(checked).containsExactlyInAnyOrderElementsOf(storeNames());
        assertThat(checked).hasSize(25);
    }

    @Test
    void the_tenant_lookups_run_without_a_transaction_and_inside_any_tenants() {
        assertThat(stores.tenants().bySlug(tenantSlug)).contains(tenant);
        assertThat(stores.tenants().all()).contains(tenant, other);

        assertThat(stores.transactions()
                        .inTransaction(other, () -> stores.tenants().bySlug(tenantSlug)))
                .contains(tenant);
        assertThat(stores.transactions()
                        .inTransaction(other, () -> stores.tenants().all()))
                .contains(tenant, other);
    }

    @Test
    void the_callers_read_needs_no_transaction_and_sends_one_statement() {
        Person agent = new Person(
                new UserId(UUID.randomUUID()),
                tenant,
                Email.of("agent-" + UUID.randomUUID() + "@example.com"),
                "Agnes",
                Role.AGENT,
                Optional.empty(),
                true,
                Language.EN);
        stores.transactions().inTransaction(tenant, () -> {
            stores.people().add(agent);
            return null;
        });
        statements.clear();

        assertThat(stores.people().caller(tenant, agent.id())).contains(new People.Caller(agent, Optional.empty()));
        assertThat(statements).hasSize(1);
        assertThat(stores.people().caller(other, agent.id())).isEmpty();
    }

    @Test
    void a_nested_transaction_keeps_the_binding_and_the_outermost_one_clears_it_when_it_ends() {
        TenantSettings settings = stores.transactions().inTransaction(tenant, () -> stores.transactions()
                .inTransaction(tenant, () -> stores.configuration().settings(tenant)));
        assertThat(settings).isEqualTo(TenantSettings.defaults());

        assertThatThrownBy(() -> stores.configuration().settings(tenant))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside any tenant-bound transaction");

        assertThatThrownBy(() -> stores.transactions().inTransaction(tenant, () -> {
                    throw new RollBack();
                }))
                .isInstanceOf(RollBack.class);
        assertThatThrownBy(() -> stores.configuration().settings(tenant))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside any tenant-bound transaction");
    }

    @Test
    void the_binding_belongs_to_the_thread_that_opened_the_transaction() {
        Throwable onAnotherThread = stores.transactions()
                .inTransaction(tenant, () -> CompletableFuture.supplyAsync(() -> {
                            try {
                                stores.configuration().settings(tenant);
                                return null;
                            } catch (IllegalStateException e) {
                                return e;
                            }
                        })
                        .join());

        assertThat(onAnotherThread)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside any tenant-bound transaction");
    }

    /** Every public method of every store, but the tenant lookups, with arguments for {@link #tenant}. */
    private Stream<Call> calls() {
        return stores().flatMap(store -> Arrays.stream(store.getClass().getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .filter(method -> !method.isBridge() && !method.isSynthetic())
                .map(method -> new Call(store, method, arguments(method)))
                .filter(call -> !UNSCOPED.contains(call.name()))
                .sorted(Comparator.comparing(Call::name)));
    }

    private Stream<Object> stores() {
        return storeComponents().map(component -> {
            try {
                return component.getAccessor().invoke(stores);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Set<String> storeNames() {
        return storeComponents().map(c -> c.getType().getSimpleName()).collect(Collectors.toSet());
    }

    /** The stores among JdbiStores' components: the classes of this package but the runner. */
    private static Stream<RecordComponent> storeComponents() {
        return Arrays.stream(JdbiStores.class.getRecordComponents())
                .filter(c -> c.getType().getPackage().equals(JdbiStores.class.getPackage()))
                .filter(c -> c.getType() != JdbiTransactionRunner.class);
    }

    private Object[] arguments(Method method) {
        return Arrays.stream(method.getGenericParameterTypes())
                .map(this::sample)
                .toArray();
    }

    /** A value of {@code type} for {@link #tenant}; a type with no sample fails, so no method goes unchecked. */
    private Object sample(Type type) {
        Supplier<Object> sample = samples().get(type.getTypeName());
        assertThat(sample)
                .as("a sample %s: add one so that the methods taking it are checked", type.getTypeName())
                .isNotNull();
        return sample.get();
    }

    private Map<String, Supplier<Object>> samples() {
        IdempotencyKey key = new IdempotencyKey(tenant, "guard", "POST", "/api/v1/portal/tickets", "once");
        Map<String, Supplier<Object>> samples = new TreeMap<>();
        samples.put("int", () -> 1);
        samples.put("boolean", () -> false);
        samples.put("long", () -> 0L);
        samples.put(
                org.supportdesk.domain.notify.TelegramBot.class.getName(),
                () -> new org.supportdesk.domain.notify.TelegramBot(
                        tenant, "guard_bot", "sealed", DIGEST, java.net.URI.create("https://guard.example/hook"), AT));
        samples.put(
                org.supportdesk.domain.notify.TelegramChat.class.getName(),
                () -> new org.supportdesk.domain.notify.TelegramChat(
                        tenant, 42, new UserId(UUID.randomUUID()), Optional.empty(), AT));
        samples.put(
                org.supportdesk.domain.feed.ChangeEvent.class.getName(),
                () -> org.supportdesk.domain.feed.ChangeEvent.of(
                        tenant,
                        "guarded",
                        Optional.empty(),
                        Optional.empty(),
                        AT,
                        "{}",
                        Optional.empty(),
                        Optional.empty()));
        samples.put(
                org.supportdesk.domain.tenant.CustomerActor.class.getName(),
                () -> new org.supportdesk.domain.tenant.CustomerActor(
                        tenant, new UserId(UUID.randomUUID()), "Guard", Optional.empty(), false));
        samples.put(
                org.supportdesk.domain.port.StreamTickets.Holder.class.getName(),
                () -> new org.supportdesk.domain.port.StreamTickets.Holder(new UserId(UUID.randomUUID()), Role.AGENT));
        samples.put(
                org.supportdesk.domain.privacy.Pseudonym.class.getName(),
                () -> org.supportdesk.domain.privacy.Pseudonym.of(new UserId(UUID.randomUUID())));
        samples.put(
                org.supportdesk.domain.port.NotificationId.class.getName(),
                () -> new org.supportdesk.domain.port.NotificationId(UUID.randomUUID()));
        samples.put(
                "java.util.List<org.supportdesk.domain.port.Notification>",
                () -> List.of(new org.supportdesk.domain.port.Notification(
                        new org.supportdesk.domain.port.NotificationId(UUID.randomUUID()),
                        tenant,
                        new UserId(UUID.randomUUID()),
                        org.supportdesk.domain.port.NotificationIntent.NotificationTopic.TICKET_CREATED,
                        Optional.of(new TicketId(UUID.randomUUID())),
                        Optional.of(new org.supportdesk.domain.ticket.TicketNumber(2026, 1)),
                        Optional.empty(),
                        "Guard",
                        AT,
                        Optional.empty())));
        samples.put(String.class.getName(), () -> DIGEST);
        samples.put(UUID.class.getName(), UUID::randomUUID);
        samples.put(Instant.class.getName(), () -> AT);
        samples.put("java.util.Optional<java.lang.String>", () -> Optional.of(DIGEST));
        samples.put("java.util.Set<" + Role.class.getName() + ">", () -> Set.of(Role.AGENT));
        samples.put(
                "java.util.List<" + org.supportdesk.domain.ticket.MessageId.class.getName() + ">",
                () -> List.of(new org.supportdesk.domain.ticket.MessageId(UUID.randomUUID())));
        samples.put(TenantId.class.getName(), () -> tenant);
        samples.put(TenantSlug.class.getName(), () -> new TenantSlug(slug()));
        samples.put(TenantSettings.class.getName(), TenantSettings::defaults);
        samples.put(UserId.class.getName(), () -> new UserId(UUID.randomUUID()));
        samples.put(Email.class.getName(), () -> Email.of("guard@example.com"));
        samples.put(
                Person.class.getName(),
                () -> new Person(
                        new UserId(UUID.randomUUID()),
                        tenant,
                        Email.of("guard@example.com"),
                        "Guard",
                        Role.AGENT,
                        Optional.empty(),
                        true));
        samples.put(OrganizationId.class.getName(), () -> new OrganizationId(UUID.randomUUID()));
        samples.put(
                Organization.class.getName(),
                () -> new Organization(new OrganizationId(UUID.randomUUID()), tenant, "Guard Ltd", false));
        samples.put(PageRequest.class.getName(), () -> new PageRequest(1, 10));
        samples.put(ApiTokenId.class.getName(), () -> new ApiTokenId(UUID.randomUUID()));
        samples.put(
                ApiToken.class.getName(),
                () -> new ApiToken(
                        new ApiTokenId(UUID.randomUUID()),
                        tenant,
                        "Guard",
                        Role.AGENT,
                        new UserId(UUID.randomUUID()),
                        new UserId(UUID.randomUUID()),
                        AT,
                        Optional.empty()));
        samples.put(SlaPolicy.class.getName(), SlaPolicy::defaults);
        samples.put("org.supportdesk.domain.sla.BusinessCalendar", () -> new AlwaysOpen(1));
        samples.put(TicketId.class.getName(), () -> new TicketId(UUID.randomUUID()));
        samples.put(
                org.supportdesk.domain.ticket.MessageId.class.getName(),
                () -> new org.supportdesk.domain.ticket.MessageId(UUID.randomUUID()));
        samples.put("org.supportdesk.domain.ticket.TicketRef", () -> new TicketId(UUID.randomUUID()));
        samples.put(
                "org.supportdesk.domain.ticket.Ticket",
                () -> TicketBuilder.aTicket().in(tenant).build());
        samples.put(TicketFilter.class.getName(), () -> TicketFilter.ALL);
        samples.put(TicketSort.class.getName(), () -> TicketSort.NEWEST_FIRST);
        samples.put(
                org.supportdesk.domain.port.StatsWindow.class.getName(),
                () -> new org.supportdesk.domain.port.StatsWindow(AT, AT.plusSeconds(60)));
        samples.put("java.util.function.Consumer<org.supportdesk.domain.port.TicketExportRow>", () ->
                (java.util.function.Consumer<org.supportdesk.domain.port.TicketExportRow>) row -> {});
        samples.put(
                org.supportdesk.domain.port.AuditLogFilter.class.getName(),
                () -> org.supportdesk.domain.port.AuditLogFilter.ALL);
        samples.put(
                JournalEntry.class.getName(),
                () -> new JournalEntry(
                        UUID.randomUUID(),
                        tenant,
                        Author.SYSTEM,
                        JournalAction.SETTINGS_CHANGED,
                        TargetKind.TENANT,
                        tenant.value(),
                        List.of(),
                        "guard",
                        AT));
        samples.put(
                NotificationIntent.class.getName(),
                () -> new NotificationIntent(
                        UUID.randomUUID(),
                        tenant,
                        NotificationTopic.TICKET_CREATED,
                        new TicketId(UUID.randomUUID()),
                        Set.of(Audience.REQUESTER),
                        "guard",
                        AT));
        samples.put(
                org.supportdesk.domain.ticket.AttachmentId.class.getName(),
                () -> new org.supportdesk.domain.ticket.AttachmentId(UUID.randomUUID()));
        samples.put(
                org.supportdesk.domain.attachment.ContentDigest.class.getName(),
                () -> new org.supportdesk.domain.attachment.ContentDigest("a".repeat(64)));
        samples.put(
                org.supportdesk.domain.attachment.AttachmentLink.class.getName(),
                () -> new org.supportdesk.domain.attachment.AttachmentLink(
                        new TicketId(UUID.randomUUID()), Optional.empty(), AT));
        samples.put(
                org.supportdesk.domain.attachment.Attachment.class.getName(),
                () -> new org.supportdesk.domain.attachment.Attachment(
                        new org.supportdesk.domain.ticket.AttachmentId(UUID.randomUUID()),
                        tenant,
                        new UserId(UUID.randomUUID()),
                        org.supportdesk.domain.attachment.FileName.sanitise("guard.txt"),
                        org.supportdesk.domain.attachment.AttachmentType.TEXT,
                        1,
                        new org.supportdesk.domain.attachment.ContentDigest("a".repeat(64)),
                        AT,
                        Optional.empty()));
        samples.put(ArticleId.class.getName(), () -> new ArticleId(UUID.randomUUID()));
        samples.put(
                Article.class.getName(),
                () -> Article.write(
                        new ArticleId(UUID.randomUUID()),
                        tenant,
                        new ArticleTitle("Guard"),
                        new ArticleBody("Guard"),
                        ArticleStatus.DRAFT,
                        ArticleTags.of(List.of("guard")),
                        AT));
        samples.put(
                ArticleFilter.class.getName(),
                () -> new ArticleFilter(
                        Set.of(ArticleStatus.DRAFT), Optional.of("guard"), SearchText.parse("q", "guard")));
        samples.put(
                SearchText.class.getName(), () -> SearchText.parse("q", "guard").orElseThrow());
        samples.put("java.util.Optional<" + SearchText.class.getName() + ">", () -> SearchText.parse("q", "guard"));
        samples.put("java.util.Set<" + ArticleId.class.getName() + ">", () -> Set.of(new ArticleId(UUID.randomUUID())));
        samples.put(CallId.class.getName(), () -> new CallId(UUID.randomUUID()));
        samples.put(
                CallRequest.class.getName(),
                () -> new CallRequest(
                        new CallId(UUID.randomUUID()),
                        tenant,
                        new UserId(UUID.randomUUID()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        CallStatus.REQUESTED,
                        Optional.empty(),
                        Optional.empty(),
                        AT,
                        AT));
        samples.put(CallFilter.class.getName(), () -> CallFilter.ALL);
        samples.put(CallRequests.Order.class.getName(), () -> CallRequests.Order.DUE_FIRST);
        samples.put(IdempotencyKey.class.getName(), () -> key);
        samples.put(IdempotencyRecord.class.getName(), () -> new IdempotencyRecord(key, "fingerprint", 201, "{}", AT));
        samples.put(
                Delivery.class.getName(),
                () -> Delivery.owed(
                        UUID.randomUUID(),
                        tenant,
                        UUID.randomUUID(),
                        "webhook",
                        UUID.randomUUID().toString(),
                        "ticket_created",
                        "guard-" + UUID.randomUUID(),
                        "{}",
                        AT));
        samples.put(
                "java.util.Optional<" + DeliveryState.class.getName() + ">", () -> Optional.of(DeliveryState.PARKED));
        samples.put(
                Webhook.class.getName(),
                () -> new Webhook(
                        UUID.randomUUID(),
                        tenant,
                        WebhookUrl.parse("url", "https://hooks.example.com/guard"),
                        Set.of("*"),
                        "guard",
                        "sealed",
                        AT,
                        AT));
        samples.put(
                EmailChannel.class.getName(),
                () -> new EmailChannel(tenant, Email.of("support@guard.example"), Optional.empty(), "hash", AT, AT));
        samples.put(
                ReceivedMail.class.getName(),
                () -> new ReceivedMail(
                        tenant,
                        "<guard-" + UUID.randomUUID() + "@guard.example>",
                        "guard@guard.example",
                        MailOutcome.IGNORED,
                        Optional.empty(),
                        Optional.of("auto_submitted"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        AT));
        // Two of each, so that a store which sends several in one statement is checked on that path.
        for (Class<?> each : List.of(JournalEntry.class, org.supportdesk.domain.feed.ChangeEvent.class)) {
            Supplier<Object> one = samples.get(each.getName());
            samples.put("java.util.List<" + each.getName() + ">", () -> List.of(one.get(), one.get()));
        }
        return samples;
    }

    /** The number of rows in every table of the schema, counted past row-level security. */
    private Map<String, Long> rowsPerTable() throws SQLException {
        try (Connection connection = database.unrestrictedConnection();
                Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names =
                    sql.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                            + database.schema() + "' AND table_type = 'BASE TABLE'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            Map<String, Long> rows = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet count = sql.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
            return rows;
        }
    }

    private static String slug() {
        return "guard-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** One store method with its arguments. */
    private record Call(Object store, Method method, Object[] arguments) {
        String name() {
            return store.getClass().getSimpleName() + "." + method.getName() + "("
                    + Arrays.stream(method.getParameterTypes())
                            .map(Class::getSimpleName)
                            .collect(Collectors.joining(", "))
                    + ")";
        }

        Object invoke() {
            try {
                return method.invoke(store, arguments);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException thrown) {
                    throw thrown;
                }
                throw new AssertionError(e.getCause());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Thrown to roll a transaction back. */
    private static final class RollBack extends RuntimeException {}
}
