package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.domain.tenant.TenantId;

/** The command line: usage errors, {@code tenant create}, and {@code serve} on a cluster of its own. */
@Timeout(180)
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Main cli(Map<String, String> environment) {
        return new Main(
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    @Nested
    class Usage {
        @Test
        void no_command_prints_usage_to_stderr_and_exits_2() {
            assertThat(cli(Map.of()).run()).isEqualTo(2);
            assertThat(err()).contains("no command given").contains("Usage: supportdesk <command>");
            assertThat(out()).isEmpty();
        }

        @Test
        void bad_arguments_exit_2_naming_the_problem() {
            assertThat(cli(Map.of()).run("frobnicate")).isEqualTo(2);
            assertThat(cli(Map.of()).run("serve", "--port", "eighty")).isEqualTo(2);
            assertThat(cli(Map.of()).run("serve", "--verbose")).isEqualTo(2);
            assertThat(cli(Map.of()).run("serve", "--port")).isEqualTo(2);
            assertThat(cli(Map.of()).run("tenant")).isEqualTo(2);
            assertThat(cli(Map.of()).run("tenant", "create", "--slug", "x", "--name", "X"))
                    .isEqualTo(2);
            assertThat(err())
                    .contains("unknown command 'frobnicate'")
                    .contains("--port must be a port number (0-65535), got 'eighty'")
                    .contains("'serve' does not take --verbose")
                    .contains("--port needs a value")
                    .contains("'tenant' takes a subcommand")
                    .contains("'tenant create' needs --admin-email");
        }

        @Test
        void a_password_is_never_taken_from_the_command_line() {
            String[] create = {"tenant", "create", "--slug", "x1", "--name", "X", "--admin-email", "a@x.example"};

            assertThat(cli(Map.of()).run(concat(create, "--admin-password", "visible-in-ps")))
                    .isEqualTo(2);
            assertThat(cli(Map.of()).run(create)).isEqualTo(1);
            assertThat(cli(Map.of()).run(concat(create, "--admin-password-file", "/nonexistent/password")))
                    .isEqualTo(1);

            assertThat(err())
                    .contains("--admin-password is not taken")
                    .contains("needs the first admin's password: set SUPPORTDESK_ADMIN_PASSWORD")
                    .contains("--admin-password-file: cannot read /nonexistent/password")
                    .doesNotContain("visible-in-ps");
        }

        @Test
        void help_goes_to_stdout() {
            assertThat(cli(Map.of()).run("help")).isZero();
            assertThat(out()).contains("tenant create --slug SLUG");
        }

        @Test
        void invalid_values_exit_1_with_a_clear_message_before_touching_a_database() {
            Map<String, String> unreachable = Map.of(
                    "SUPPORTDESK_DB_URL",
                    "jdbc:postgresql://127.0.0.1:1/none",
                    "SUPPORTDESK_DB_USER",
                    "x",
                    Main.ADMIN_PASSWORD,
                    "long-enough");
            assertThat(cli(unreachable)
                            .run(
                                    "tenant",
                                    "create",
                                    "--slug",
                                    "Not A Slug",
                                    "--name",
                                    "X",
                                    "--admin-email",
                                    "a@x.example"))
                    .isEqualTo(1);
            assertThat(cli(Map.of("SUPPORTDESK_JWT_SECRET", "short")).run("serve"))
                    .isEqualTo(1);
            assertThat(err())
                    .contains("slug: must be 2 to 63 characters")
                    .contains("SUPPORTDESK_JWT_SECRET must be at least 32 bytes");
        }
    }

    @Test
    void an_unreachable_database_is_one_clear_line_and_exit_1() {
        Map<String, String> unreachable =
                Map.of("SUPPORTDESK_DB_URL", "jdbc:postgresql://127.0.0.1:1/none", "SUPPORTDESK_DB_USER", "x");

        assertThat(cli(unreachable).run("migrate")).isEqualTo(1);

        assertThat(err()).startsWith("supportdesk: ").contains("127.0.0.1:1").doesNotContain("\tat ");
    }

    @Nested
    class TenantCreate {
        private static LocalPostgres cluster;

        @TempDir
        Path files;

        @BeforeAll
        static void start() {
            cluster = LocalPostgres.startThrowaway();
        }

        @AfterAll
        static void stop() {
            if (cluster != null) {
                cluster.close();
            }
        }

        private Map<String, String> environment() {
            return Map.of(
                    "SUPPORTDESK_DB_URL", cluster.jdbcUrl(),
                    "SUPPORTDESK_DB_USER", cluster.user(),
                    "SUPPORTDESK_DB_PASSWORD", cluster.password());
        }

        @Test
        void creates_the_tenant_with_sla_version_1_and_an_admin_with_a_password_hash() throws java.io.IOException {
            Path passwordFile = files.resolve("admin-password");
            Files.writeString(passwordFile, "correct horse battery\n");
            int code = cli(environment())
                    .run(
                            "tenant",
                            "create",
                            "--slug",
                            "acme",
                            "--name",
                            "Acme Support",
                            "--admin-email",
                            "Boss@Acme.example",
                            "--admin-password-file",
                            passwordFile.toString());

            assertThat(code).as(err()).isZero();
            assertThat(out()).contains("Created tenant \"acme\"").contains("boss@acme.example");
            Config config = Config.from(environment(), java.util.Optional.empty());
            try (OpenDatabase database = OpenDatabase.open(config)) {
                JdbiStores stores = JdbiStores.over(database.jdbi(), Clock.systemUTC());
                TenantId tenant = stores.tenants().bySlug("acme").orElseThrow();
                stores.transactions().inTransaction(tenant, () -> {
                    assertThat(stores.slaSettings().currentPolicy(tenant).version())
                            .isEqualTo(1);
                    assertThat(stores.slaSettings().currentCalendar(tenant).version())
                            .isEqualTo(1);
                    assertThat(stores.configuration().settings(tenant).categories())
                            .hasSize(6);
                    var admin = stores.people()
                            .personByEmail(tenant, org.supportdesk.domain.tenant.Email.of("boss@acme.example"))
                            .orElseThrow();
                    assertThat(admin.role()).isEqualTo(org.supportdesk.domain.tenant.Role.ADMIN);
                    assertThat(admin.active()).isTrue();
                    String hash = stores.jdbi().withHandle(handle -> handle.createQuery(
                                    "SELECT password_hash FROM users WHERE email = 'boss@acme.example'")
                            .mapTo(String.class)
                            .one());
                    assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse");
                    assertThat(new Password4jHashing().verify("correct horse battery", hash))
                            .isTrue();
                    assertThat(new Password4jHashing().verify("wrong", hash)).isFalse();
                    return null;
                });
            }
        }

        @Test
        void a_taken_slug_is_refused_with_exit_1() {
            String[] create = {
                "tenant", "create", "--slug", "twice", "--name", "Twice", "--admin-email", "a@twice.example"
            };
            Map<String, String> environment = new java.util.HashMap<>(environment());
            environment.put(Main.ADMIN_PASSWORD, "long-enough");
            assertThat(cli(environment).run(create)).as(err()).isZero();
            assertThat(cli(environment).run(create)).isEqualTo(1);
            assertThat(err()).contains("A tenant with the slug 'twice' already exists");
        }

        @Test
        void serve_on_a_taken_port_exits_1_saying_so() throws java.io.IOException {
            try (java.net.ServerSocket taken =
                    new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                Map<String, String> environment = new java.util.HashMap<>(environment());
                environment.put("SUPPORTDESK_HOST", "127.0.0.1");
                environment.put("SUPPORTDESK_JWT_SECRET", "a-secret-of-at-least-thirty-two-bytes!");
                Main cli = cli(environment);

                assertThat(cli.run("serve", "--port", String.valueOf(taken.getLocalPort())))
                        .isEqualTo(1);

                assertThat(err()).contains("Port already in use").doesNotContain("\tat ");
                assertThat(cli.running()).isEmpty();
            }
        }

        @Test
        void migrate_applies_the_migrations_and_exits() {
            assertThat(cli(environment()).run("migrate")).as(err()).isZero();
            assertThat(out()).contains("The database is migrated.");
        }
    }

    @Nested
    class Serve {
        @TempDir
        Path dataDir;

        @Test
        void without_a_database_url_starts_and_reuses_its_own_cluster_seeds_the_demo_once_and_stops_cleanly()
                throws Exception {
            // The postgres OS user must reach the cluster directory when the tests run as root.
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> environment = Map.of(
                    "SUPPORTDESK_DATA_DIR",
                    dataDir.toString(),
                    "SUPPORTDESK_HOST",
                    "127.0.0.1",
                    Main.ADMIN_PASSWORD,
                    "correct horse battery");

            assertThat(cli(environment)
                            .run(
                                    "tenant",
                                    "create",
                                    "--slug",
                                    "acme",
                                    "--name",
                                    "Acme",
                                    "--admin-email",
                                    "boss@acme.example"))
                    .as(err())
                    .isZero();
            Main first = cli(environment);
            assertThat(first.run("serve", "--demo", "--port", "0")).as(err()).isZero();
            Supportdesk server = first.running().orElseThrow();
            String password;
            try {
                assertThat(out()).contains("Seeded the demo tenant \"demo\"");
                password = demoPassword(out());
                assertThat(out())
                        .contains("admin@demo.example")
                        .contains(":" + server.port() + "/desk/")
                        .contains(":" + server.port() + "/widget/demo.html")
                        .contains("/api/v1/auth/login")
                        .contains("\"tenant\":\"demo\",\"email\":\"admin@demo.example\",\"password\":\"" + password
                                + "\"");
                assertThat(dataDir.resolve("postgres/data/PG_VERSION")).exists();

                TestHttp http = new TestHttp(server.port());
                TestHttp.Response unknown = http.get(null, "/api/v1/nothing-here");
                assertThat(unknown.status()).isEqualTo(404);
                assertThat(unknown.contentType()).startsWith("application/problem+json");
                assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
                assertThat(http.get(null, "/api/v1/tickets").status()).isEqualTo(401);
                TestHttp.Response boss = http.post(
                        null,
                        "/api/v1/auth/login",
                        "{\"tenant\":\"acme\",\"email\":\"boss@acme.example\",\"password\":\"correct horse battery\"}");
                assertThat(boss.status())
                        .as("the admin tenant create made signs in: " + boss.body())
                        .isEqualTo(200);
                TestHttp.Response ada = http.post(
                        null,
                        "/api/v1/auth/login",
                        "{\"tenant\":\"demo\",\"email\":\"admin@demo.example\",\"password\":\"" + password + "\"}");
                assertThat(ada.status()).as(ada.body()).isEqualTo(200);
                TestHttp.Response demoTickets = http.get(ada.json().get("token").asText(), "/api/v1/tickets");
                assertThat(demoTickets.status()).as(demoTickets.body()).isEqualTo(200);
                assertThat(demoTickets.json().get("pagination").get("total").asInt())
                        .isGreaterThanOrEqualTo(6);
                TestHttp.Response adasNotifications =
                        http.get(ada.json().get("token").asText(), "/api/v1/notifications?unread=true");
                assertThat(adasNotifications.status())
                        .as(adasNotifications.body())
                        .isEqualTo(200);
                assertThat(adasNotifications.json().get("unread_count").asInt())
                        .as("the demo leaves the admin some in-app notifications")
                        .isPositive();
                assertThat(http.get(boss.json().get("token").asText(), "/api/v1/tickets")
                                .json()
                                .get("pagination")
                                .get("total")
                                .asInt())
                        .as("tenants apart")
                        .isZero();

                JdbiStores stores = server.stores();
                TenantId demo = stores.tenants().bySlug("demo").orElseThrow();
                stores.transactions().inTransaction(demo, () -> {
                    assertThat(column(stores, "SELECT DISTINCT status FROM tickets"))
                            .containsExactlyInAnyOrder(
                                    "new", "in_progress", "waiting_on_customer", "on_hold", "resolved", "closed");
                    assertThat(column(stores, "SELECT DISTINCT kind FROM messages"))
                            .contains("public", "internal");
                    assertThat(column(stores, "SELECT role FROM users"))
                            .containsExactlyInAnyOrder("admin", "agent", "agent", "customer", "customer", "customer");
                    assertThat(column(stores, "SELECT name FROM organizations WHERE shared_tickets"))
                            .containsExactly("Acme Corp");
                    assertThat(column(stores, "SELECT file_name FROM attachments WHERE ticket_id IS NOT NULL"))
                            .containsExactlyInAnyOrder("invoice-screenshot.png", "portal.log", "billing-export.csv");
                    assertThat(column(stores, "SELECT status FROM kb_articles"))
                            .containsExactlyInAnyOrder("published", "published", "draft");
                    assertThat(column(
                                    stores, "SELECT count(*)::text FROM tickets WHERE related_article_id IS NOT NULL"))
                            .containsExactly("1");
                    assertThat(column(stores, "SELECT feedback_rating::text FROM tickets WHERE feedback_rating > 0"))
                            .containsExactlyInAnyOrder("5", "4");
                    assertThat(column(stores, "SELECT status FROM call_requests"))
                            .containsExactlyInAnyOrder("requested", "scheduled");
                    assertThat(column(stores, "SELECT current_user::text"))
                            .as("serves as the role with row rights only")
                            .containsExactly("supportdesk_app");
                    return null;
                });
            } finally {
                server.close();
            }
            assertThat(dataDir.resolve("postgres/data/postmaster.pid")).doesNotExist();

            out.reset();
            Main second = cli(environment);
            assertThat(second.run("serve", "--demo", "--port", "0")).as(err()).isZero();
            try {
                assertThat(out()).contains("The demo tenant \"demo\" is already there");
                assertThat(demoPassword(out())).isEqualTo(password);
                TestHttp.Response unknown =
                        new TestHttp(second.running().orElseThrow().port()).get(null, "/nope");
                assertThat(unknown.status()).isEqualTo(404);
            } finally {
                second.running().orElseThrow().close();
            }
            assertThat(dataDir.resolve("postgres/data/postmaster.pid")).doesNotExist();
        }

        private static String demoPassword(String output) {
            Matcher matcher =
                    Pattern.compile("admin@demo\\.example.*password: (\\S+)").matcher(output);
            assertThat(matcher.find()).as(output).isTrue();
            return matcher.group(1);
        }

        private static List<String> column(JdbiStores stores, String sql) {
            return stores.jdbi()
                    .withHandle(handle ->
                            handle.createQuery(sql).mapTo(String.class).list());
        }
    }
}
