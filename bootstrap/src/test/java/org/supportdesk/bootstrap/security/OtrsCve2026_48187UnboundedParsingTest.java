package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * OTRS CVE-2026-48187 (sentinelone.com/vulnerability-database/cve-2026-48187): parsing an email allocated memory
 * without bound, so one message aborted the web server. Mail parsing arrives with the channels issue (#11); the parser
 * every request meets today is the JSON reader, and it is bounded before any work: a 2 MB body is a 413, ten thousand
 * levels of nesting and a hundred thousand array items are 400s, a 64 KB header is a 431, and the server answers
 * normally right after each.
 */
class OtrsCve2026_48187UnboundedParsingTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void oversized_and_deeply_built_input_is_refused_before_any_work() {
        String path = "/api/v1/portal/tickets";
        String token = acme.outsider.token();

        assertRefused(world.http.post(token, path, "{\"subject\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413);
        assertRefused(world.http.post(token, path, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)), 400);
        assertRefused(world.http.post(token, path, "{\"tags\":[" + "1,".repeat(99_999) + "1]}"), 400);
        assertRefused(world.http.send(token, "GET", path, null, Map.of("X-Padding", "x".repeat(64 * 1024))), 431);
    }

    private void assertRefused(TestHttp.Response answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(world.http.get(acme.outsider.token(), "/api/v1/portal/me").status())
                .as("the server answers right after")
                .isEqualTo(200);
    }
}
