package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * Znuny 7.1.3 (znuny/manual {@code source/releases/7_1_3/index.rst}): a regular expression of the MS Word HTML parser
 * backtracked catastrophically, so one crafted message held a worker for minutes. Every regular expression a request
 * reaches here (the email shape, the ticket number, the ETag, the number prefix of a search, the correlation id) is fed
 * its worst case at the longest length the server reads: each request is answered with its ordinary refusal or result
 * within the test client's timeout (15 s), where a backtracking pattern would take far longer.
 */
class Znuny7_1_3RedosTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void worst_case_input_for_every_pattern_is_answered_promptly() {
        String email = "a".repeat(64) + "@" + "b.".repeat(94) + "!";
        String token = acme.customer.token();
        List<TestHttp.Response> answers = List.of(
                world.login("acme", email, "password", world.freshAddress()),
                world.http.post(
                        acme.admin.token(),
                        "/api/v1/customers",
                        SecurityWorld.json(Map.of("email", email, "name", "Backtrack"))),
                world.http.get(token, "/api/v1/portal/tickets/TKT-1000-" + "0".repeat(5000) + "x"),
                world.http.send(
                        token,
                        "POST",
                        "/api/v1/portal/tickets/" + acme.seeded.id() + "/close",
                        null,
                        Map.of("If-Match", "\"" + "9".repeat(8000))),
                world.http.send(
                        token, "GET", "/api/v1/portal/me", null, Map.of("X-Correlation-Id", "a".repeat(16_000) + "!")),
                world.http.get(token, "/api/v1/portal/tickets?q=TKT-" + "A-".repeat(8_000) + "%21"),
                world.http.get(acme.agent.token(), "/api/v1/tickets?q=" + "a%20".repeat(6_000) + "%21"));

        assertThat(answers).extracting(TestHttp.Response::status).doesNotContain(500, 503);
    }
}
