package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.TenantFixture;

class AuthRoutesTest {
    final TestServer server = new TestServer();
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final TenantFixture globex = server.core.store(new TenantFixture("globex"));
    final String admin = server.tokenFor(acme.admin);

    @BeforeEach
    void passwords() {
        server.signInReady(acme);
        server.signInReady(globex);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    TestServer.Response login(String tenant, String email, String password) {
        return server.post(
                null,
                "/api/v1/auth/login",
                "{\"tenant\":\"" + tenant + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void the_right_password_gives_a_token_that_opens_the_desk() {
        var signedIn = login("acme", "agnes@acme.example", "pw-Agnes-secret");

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        String token = signedIn.jsonBody().get("token").asText();
        assertThat(signedIn.jsonBody().get("expires_at").asText()).endsWith("Z");
        assertThat(signedIn.header("RateLimit-Limit")).isPresent();
        assertThat(server.get(token, "/api/v1/tickets").status()).isEqualTo(200);
    }

    @Test
    void every_failure_is_the_same_401_whatever_was_wrong() {
        var wrongPassword = login("acme", "agnes@acme.example", "nope-nope");
        var unknownEmail = login("acme", "nobody@acme.example", "pw-Agnes-secret");
        var unknownTenant = login("initech", "agnes@acme.example", "pw-Agnes-secret");
        var deactivated = login("acme", "dora@acme.example", "pw-Dora-secret");
        var otherTenant = login("globex", "agnes@acme.example", "pw-Agnes-secret");

        for (var refused : java.util.List.of(unknownEmail, unknownTenant, deactivated, otherTenant)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(withoutCorrelation(refused)).isEqualTo(withoutCorrelation(wrongPassword));
        }
        assertThat(wrongPassword.jsonBody().get("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void missing_fields_and_unknown_fields_are_400_naming_them() {
        var missing = server.post(null, "/api/v1/auth/login", "{\"tenant\":\"acme\"}");
        var unknown = server.post(
                null, "/api/v1/auth/login", "{\"tenant\":\"acme\",\"email\":\"a@b.c\",\"password\":\"x\",\"role\":1}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("email", "password");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("role");
    }

    @Test
    void five_failures_lock_the_account_before_the_password_is_checked_and_the_lock_wears_off() {
        for (int i = 0; i < 5; i++) {
            var failed = login("acme", "agnes@acme.example", "wrong-" + i);
            assertThat(failed.status()).isEqualTo(401);
            assertThat(failed.header("RateLimit-Remaining")).contains(Integer.toString(4 - i));
        }

        var locked = login("acme", "agnes@acme.example", "pw-Agnes-secret");

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.jsonBody().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(locked.header("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 900L));
        assertThat(locked.header("RateLimit-Remaining")).contains("0");
        // Another account from the same address is not locked yet.
        assertThat(login("acme", "adam@acme.example", "pw-Adam-secret").status())
                .isEqualTo(200);

        server.core.clock.advance(Duration.ofMinutes(16));

        assertThat(login("acme", "agnes@acme.example", "pw-Agnes-secret").status())
                .isEqualTo(200);
    }

    @Test
    void twenty_failures_from_one_address_lock_every_account_there() {
        for (int i = 0; i < 20; i++) {
            login("acme", "nobody" + i + "@acme.example", "wrong");
        }

        assertThat(login("acme", "adam@acme.example", "pw-Adam-secret").status())
                .isEqualTo(429);
    }

    @Test
    void a_replayed_token_creation_answers_the_same_token_without_its_secret_which_was_never_stored() {
        String body = "{\"name\":\"CI\",\"role\":\"agent\"}";
        var created = server.send(admin, "POST", "/api/v1/api-tokens", body, Map.of("Idempotency-Key", "token-1"));
        var replayed = server.send(admin, "POST", "/api/v1/api-tokens", body, Map.of("Idempotency-Key", "token-1"));

        String secret = created.jsonBody().get("token").asText();
        assertThat(secret).startsWith("sdt_");
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.jsonBody().get("id")).isEqualTo(created.jsonBody().get("id"));
        assertThat(replayed.jsonBody().get("token").isNull()).isTrue();
        assertThat(server.core.idempotencyRecords.snapshot().toString()).doesNotContain(secret);
        assertThat(server.get(secret, "/api/v1/tickets").status()).isEqualTo(200);
    }

    @Test
    void an_api_token_acts_as_staff_until_revoked_and_its_secret_is_never_listed() {
        var created = server.post(admin, "/api/v1/api-tokens", "{\"name\":\"CI\",\"role\":\"agent\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.jsonBody().get("token").asText();
        String id = created.jsonBody().get("id").asText();

        var asToken = server.get(token, "/api/v1/tickets");
        var adminRouteAsAgentToken = server.get(token, "/api/v1/api-tokens");
        var listed = server.get(admin, "/api/v1/api-tokens");

        assertThat(token).startsWith("sdt_").doesNotContain(".");
        assertThat(asToken.status()).isEqualTo(200);
        assertThat(adminRouteAsAgentToken.status()).isEqualTo(403);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(token).contains("\"CI\"");
        assertThat(listed.jsonBody().get("items").get(0).get("revoked_at").isNull())
                .isTrue();

        var revoked = server.send(admin, "DELETE", "/api/v1/api-tokens/" + id, null, Map.of());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(server.get(token, "/api/v1/tickets").status()).isEqualTo(401);
        assertThat(server.get(admin, "/api/v1/api-tokens")
                        .jsonBody()
                        .get("items")
                        .get(0)
                        .get("revoked_at")
                        .isNull())
                .isFalse();
    }

    @Test
    void a_forged_or_foreign_api_token_is_401_and_another_tenants_token_id_is_404() {
        var created = server.post(admin, "/api/v1/api-tokens", "{\"name\":\"CI\",\"role\":\"admin\"}");
        String token = created.jsonBody().get("token").asText();
        String id = created.jsonBody().get("id").asText();
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        String otherTenant = "sdt_" + globex.tenant.value().toString().replace("-", "") + token.substring(36);

        assertThat(server.get(forged, "/api/v1/tickets").status()).isEqualTo(401);
        assertThat(server.get(otherTenant, "/api/v1/tickets").status()).isEqualTo(401);
        assertThat(server.send(server.tokenFor(globex.admin), "DELETE", "/api/v1/api-tokens/" + id, null, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(server.post(admin, "/api/v1/api-tokens", "{\"name\":\"x\",\"role\":\"customer\"}")
                        .status())
                .isEqualTo(400);
        assertThat(server.post(server.tokenFor(acme.agent), "/api/v1/api-tokens", "{\"name\":\"x\",\"role\":\"agent\"}")
                        .status())
                .isEqualTo(403);
    }

    private static JsonNode withoutCorrelation(TestServer.Response response) {
        ObjectNode body = (ObjectNode) response.jsonBody();
        body.remove("correlation_id");
        return body;
    }
}
