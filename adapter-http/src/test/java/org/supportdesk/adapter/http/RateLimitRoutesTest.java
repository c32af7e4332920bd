package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.adapter.http.limits.ClientAddress;
import org.supportdesk.adapter.http.limits.LoginThrottle;
import org.supportdesk.adapter.http.limits.RateLimits;
import org.supportdesk.adapter.http.limits.RequestLimits;
import org.supportdesk.application.testing.TenantFixture;

/** §16 "Rate limits you can see", over HTTP: the headers on every answer, the 429, and limits that stay apart. */
class RateLimitRoutesTest {
    @Test
    void every_kind_of_answer_carries_the_rate_limit_headers() {
        try (TestServer server = new TestServer()) {
            TenantFixture acme = server.core.store(new TenantFixture("acme"));
            String customer = server.tokenFor(acme.customer);
            List<TestServer.Response> answers = List.of(
                    server.get(customer, "/api/v1/portal/tickets"),
                    server.get(null, "/api/v1/portal/tickets"),
                    server.get(customer, "/api/v1/tickets"),
                    server.get(customer, "/api/v1/no-such-route"),
                    server.send(customer, "DELETE", "/api/v1/portal/tickets", null, Map.of()),
                    server.post(customer, "/api/v1/portal/tickets", "{not json"),
                    server.post(customer, "/api/v1/portal/tickets", "{\"subject\": \"" + "x".repeat(2_000_000) + "\"}"),
                    server.send(
                            customer,
                            "GET",
                            "/api/v1/portal/tickets",
                            null,
                            Map.of("X-Padding", "p".repeat(64 * 1024))),
                    server.post(
                            null,
                            "/api/v1/auth/login",
                            "{\"tenant\":\"acme\",\"email\":\"a@b.example\",\"password\":\"x\"}"));

            assertThat(answers)
                    .extracting(TestServer.Response::status)
                    .containsExactly(200, 401, 403, 404, 405, 400, 413, 431, 401);
            for (TestServer.Response answer : answers) {
                assertThat(answer.header("RateLimit-Limit")).as(answer.body()).isPresent();
                assertThat(answer.header("RateLimit-Remaining"))
                        .as(answer.body())
                        .isPresent();
                assertThat(answer.header("RateLimit-Reset")).as(answer.body()).isPresent();
            }
        }
    }

    @Test
    void a_tenant_at_ten_times_its_limit_is_refused_while_another_tenant_is_not() {
        RateLimits.Policy tight = new RateLimits.Policy(1_000, 20, 1_000, Duration.ofMinutes(1));
        try (TestServer server = new TestServer(core -> new RequestLimits(
                ClientAddress.direct(), new RateLimits(tight), LoginThrottle.withDefaults(core.clock)))) {
            TenantFixture acme = server.core.store(new TenantFixture("acme"));
            TenantFixture globex = server.core.store(new TenantFixture("globex"));
            String acmeAgent = server.tokenFor(acme.agent);
            String globexAgent = server.tokenFor(globex.agent);

            List<Integer> acmeStatuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                acmeStatuses.add(server.get(acmeAgent, "/api/v1/tickets").status());
            }
            List<TestServer.Response> globexAnswers = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                globexAnswers.add(server.get(globexAgent, "/api/v1/tickets"));
            }

            assertThat(acmeStatuses.stream().filter(status -> status == 429)).hasSizeGreaterThanOrEqualTo(170);
            assertThat(globexAnswers).extracting(TestServer.Response::status).containsOnly(200);
            TestServer.Response refused = server.get(acmeAgent, "/api/v1/tickets");
            assertThat(refused.jsonBody().get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(refused.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds))
                    .isBetween(1L, 60L));
            assertThat(refused.header("RateLimit-Remaining")).contains("0");
        }
    }

    @Test
    void behind_a_trusted_proxy_one_guesser_locks_out_only_their_own_address() {
        try (TestServer server = new TestServer(core -> new RequestLimits(
                ClientAddress.behind(List.of("127.0.0.1")),
                new RateLimits(RateLimits.Policy.standard()),
                LoginThrottle.withDefaults(core.clock)))) {
            TenantFixture acme = server.core.store(new TenantFixture("acme"));
            server.signInReady(acme);
            for (int i = 0; i < 20; i++) {
                login(server, "nobody" + i + "@acme.example", "wrong", "203.0.113.66");
            }

            assertThat(login(server, "adam@acme.example", "pw-Adam-secret", "203.0.113.66")
                            .status())
                    .isEqualTo(429);
            assertThat(login(server, "adam@acme.example", "pw-Adam-secret", "198.51.100.7")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void without_a_trusted_proxy_the_forwarded_header_changes_nothing() {
        try (TestServer server = new TestServer()) {
            TenantFixture acme = server.core.store(new TenantFixture("acme"));
            server.signInReady(acme);
            for (int i = 0; i < 20; i++) {
                login(server, "nobody" + i + "@acme.example", "wrong", "203.0.113." + i);
            }

            assertThat(login(server, "adam@acme.example", "pw-Adam-secret", "198.51.100.7")
                            .status())
                    .isEqualTo(429);
        }
    }

    private static TestServer.Response login(TestServer server, String email, String password, String forwardedFor) {
        return server.send(
                null,
                "POST",
                "/api/v1/auth/login",
                "{\"tenant\":\"acme\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                Map.of("X-Forwarded-For", forwardedFor));
    }
}
