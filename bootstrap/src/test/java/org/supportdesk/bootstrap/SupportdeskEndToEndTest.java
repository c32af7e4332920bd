package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * The whole server as {@code serve} starts it, over a real self-started PostgreSQL, spoken to over HTTP: a token
 * minted with the configured secret files a ticket on the portal, an agent reads and answers it on the desk, and the
 * customer sees the answer.
 */
@Timeout(120)
class SupportdeskEndToEndTest {
    private static final String SECRET = "end-to-end-secret-that-is-long-enough!";
    private static LocalPostgres cluster;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startCluster() {
        cluster = LocalPostgres.startThrowaway();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Config config(String user, String password) {
        return Config.from(
                Map.of(
                        "SUPPORTDESK_DB_URL",
                        cluster.jdbcUrl(),
                        "SUPPORTDESK_DB_USER",
                        user,
                        "SUPPORTDESK_DB_PASSWORD",
                        password,
                        "SUPPORTDESK_HOST",
                        "127.0.0.1",
                        "SUPPORTDESK_PORT",
                        "0",
                        "SUPPORTDESK_JWT_SECRET",
                        SECRET,
                        "SUPPORTDESK_DATA_DIR",
                        dataDir.toString()),
                Optional.empty());
    }

    @Test
    void a_customer_files_on_the_portal_an_agent_answers_on_the_desk_and_the_customer_sees_it() {
        Config config = config(cluster.user(), cluster.password());
        try (Supportdesk desk = Supportdesk.start(config)) {
            StaffActor boss = Onboarding.tenant(desk.useCases(), "acme-e2e", "boss@acme.example", "boss-password");
            Person carla = Onboarding.person(
                    desk.useCases(), boss, "carla@acme.example", "Carla", Role.CUSTOMER, Optional.of("carla-password"));
            Person agnes = Onboarding.person(
                    desk.useCases(), boss, "agnes@acme.example", "Agnes", Role.AGENT, Optional.of("agnes-password"));
            // An independent signer with the configured secret: the server must accept its tokens.
            JwtTokens signer = new JwtTokens(config.jwtSettings(), Clock.systemUTC());
            String customer =
                    signer.issue(carla.tenant(), carla.id(), carla.role()).token();
            String agent =
                    signer.issue(agnes.tenant(), agnes.id(), agnes.role()).token();
            TestHttp http = new TestHttp(desk.port());

            TestHttp.Response filed = http.post(
                    customer,
                    "/api/v1/portal/tickets",
                    "{\"subject\":\"Printer on fire\",\"description\":\"Smoke everywhere\",\"category\":\"technical\"}");
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            assertThat(filed.correlationId()).isNotBlank();
            String id = filed.json().get("id").asText();

            TestHttp.Response read = http.get(agent, "/api/v1/tickets/" + id);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().get("subject").asText()).isEqualTo("Printer on fire");
            assertThat(read.json().get("status").asText()).isEqualTo("new");
            assertThat(read.json().get("requester").get("name").asText()).isEqualTo("Carla");

            TestHttp.Response replied = http.post(
                    agent,
                    "/api/v1/tickets/" + id + "/messages",
                    "{\"kind\":\"public\",\"body\":\"On our way with an extinguisher.\"}");
            assertThat(replied.status()).as(replied.body()).isEqualTo(201);
            TestHttp.Response noted = http.post(
                    agent,
                    "/api/v1/tickets/" + id + "/messages",
                    "{\"kind\":\"internal\",\"body\":\"Call facilities\"}");
            assertThat(noted.status()).as(noted.body()).isEqualTo(201);

            TestHttp.Response seen = http.get(customer, "/api/v1/portal/tickets/" + id);
            assertThat(seen.status()).as(seen.body()).isEqualTo(200);
            assertThat(seen.json().get("status").asText()).isEqualTo("in_progress");
            assertThat(bodies(seen.json().get("messages")))
                    .contains("On our way with an extinguisher.")
                    .doesNotContain("Call facilities");

            assertThat(http.get(null, "/api/v1/tickets/" + id).status()).isEqualTo(401);
            assertThat(http.get(customer, "/api/v1/tickets/" + id).status()).isEqualTo(403);
            String otherSecret = new JwtTokens(
                            Config.from(
                                            Map.of("SUPPORTDESK_JWT_SECRET", "another-secret-that-is-also-long-enough"),
                                            Optional.empty())
                                    .jwtSettings(),
                            Clock.systemUTC())
                    .issue(agnes.tenant(), agnes.id(), agnes.role())
                    .token();
            assertThat(http.get(otherSecret, "/api/v1/tickets/" + id).status()).isEqualTo(401);
        }
    }

    @Test
    void refuses_to_start_as_a_role_that_bypasses_row_level_security() throws SQLException {
        String role = "bypass_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = cluster.superuserConnection("supportdesk");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + role + " LOGIN BYPASSRLS PASSWORD 'bypass-password'");
        }

        assertThatThrownBy(() -> Supportdesk.start(config(role, "bypass-password")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("superuser or has BYPASSRLS");
    }

    private static java.util.List<String> bodies(JsonNode messages) {
        java.util.List<String> bodies = new java.util.ArrayList<>();
        messages.forEach(m -> bodies.add(m.get("body").asText()));
        return bodies;
    }
}
