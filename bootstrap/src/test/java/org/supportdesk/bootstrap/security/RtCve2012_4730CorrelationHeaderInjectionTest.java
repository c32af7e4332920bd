package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * RT CVE-2012-4730 (bestpractical/rt {@code t/security/CVE-2012-4730-*.t}), its second shape: a value the client chose
 * was copied into headers (there of mail; here the {@code X-Correlation-Id} the server echoes, logs and stamps on the
 * journal). An offered id is taken only when it is 8 to 64 plain letters, digits, dots, dashes or underscores; anything
 * else (markup, spaces, encoded line breaks, header syntax, overlong) is replaced by an id of the server's own, and
 * appears in no response header.
 */
class RtCve2012_4730CorrelationHeaderInjectionTest {
    static final List<String> HOSTILE = List.of(
            "abcdefgh%0d%0aSet-Cookie: stolen=1",
            "abcdefgh Set-Cookie: stolen=1",
            "<script>alert(1)</script>",
            "abcdefgh\u00e9\u00e9\u00e9",
            "abc",
            "a".repeat(65),
            "abcdefgh;X-Injected=yes");

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void a_hostile_correlation_id_is_replaced_and_echoed_nowhere() {
        for (String offered : HOSTILE) {
            TestHttp.Response answer = world.http.send(
                    acme.customer.token(), "GET", "/api/v1/portal/me", null, Map.of("X-Correlation-Id", offered));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(UUID.fromString(answer.correlationId())).as(offered).isNotNull();
            answer.headers()
                    .forEach((name, values) -> assertThat(values).as(name).noneMatch(value -> value.contains(offered)));
            assertThat(answer.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("Set-Cookie"));
        }
    }

    @Test
    void a_plain_correlation_id_is_kept() {
        String offered = "trace-" + UUID.randomUUID();

        TestHttp.Response answer = world.http.send(
                acme.customer.token(), "GET", "/api/v1/portal/me", null, Map.of("X-Correlation-Id", offered));

        assertThat(answer.correlationId()).isEqualTo(offered);
    }
}
