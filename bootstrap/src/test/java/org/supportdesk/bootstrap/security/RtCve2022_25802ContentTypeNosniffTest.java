package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * RT CVE-2022-25802 (bestpractical/rt commit 7986fd798d, {@code t/security/CVE-2022-25802-content-type-xss.t}): a
 * browser second-guessed the type of content RT served and ran script from it; RT's fix sends
 * {@code X-Content-Type-Options: nosniff}. Here every answer (a ticket whose text is HTML, a refusal, an unknown route,
 * a failed sign-in, a request Jetty refuses before any route) declares its JSON type, forbids sniffing, and may not be
 * stored by any cache ({@code Cache-Control: no-store}), so a ticket read on a shared machine stays off its disk.
 */
class RtCve2022_25802ContentTypeNosniffTest {
    static final String HTML = "<html><body><script>alert(document.domain)</script></body></html>";

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void a_ticket_whose_text_is_html_is_served_as_json_that_no_browser_sniffs() {
        TestHttp.Response filed = world.http.post(
                acme.customer.token(),
                "/api/v1/portal/tickets",
                SecurityWorld.json(Map.of(
                        "subject",
                        HTML,
                        "description",
                        "<svg onload=alert(1)>",
                        "category",
                        "bug",
                        "priority",
                        "low")));
        String id = filed.json().get("id").asText();

        for (TestHttp.Response answer : List.of(
                filed,
                world.http.get(acme.customer.token(), "/api/v1/portal/tickets/" + id),
                world.http.get(acme.customer.token(), "/api/v1/portal/tickets?q=alert"),
                world.http.get(acme.agent.token(), "/api/v1/tickets/" + id))) {
            assertThat(answer.contentType()).startsWith("application/json");
            assertSafeToServe(answer);
        }
    }

    @Test
    void every_refusal_is_served_the_same_way() {
        List<TestHttp.Response> refusals = List.of(
                world.http.get(null, "/api/v1/tickets"),
                world.http.get(acme.customer.token(), "/api/v1/no-such-route"),
                world.http.get(acme.customer.token(), "/api/v1/tickets"),
                world.http.send(acme.customer.token(), "DELETE", "/api/v1/portal/me", null),
                world.http.post(acme.customer.token(), "/api/v1/portal/tickets", "{\"subject\":\"" + HTML + "\"}"),
                world.login("acme", "nobody-nosniff@acme.example", "wrong", world.freshAddress()),
                world.http.send(
                        acme.customer.token(),
                        "GET",
                        "/api/v1/portal/me",
                        null,
                        Map.of("X-Padding", "x".repeat(40 * 1024))));
        for (TestHttp.Response refusal : refusals) {
            assertThat(refusal.status()).isGreaterThanOrEqualTo(400);
            assertThat(refusal.contentType()).startsWith("application/problem+json");
            assertSafeToServe(refusal);
        }
    }

    private static void assertSafeToServe(TestHttp.Response answer) {
        assertThat(answer.header("X-Content-Type-Options")).as(answer.body()).contains("nosniff");
        assertThat(answer.header("Cache-Control")).as(answer.body()).contains("no-store");
    }
}
