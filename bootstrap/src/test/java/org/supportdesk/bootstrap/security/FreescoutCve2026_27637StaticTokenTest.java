package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.UserId;

/**
 * FreeScout CVE-2026-27637 (sentinelone.com/vulnerability-database/cve-2026-27637): the API authenticated with a
 * static MD5 token derived from fixed data, which never expired and could not be rotated. Our bearers are neither:
 * every integration token is fresh random material, shown once and listed without it; a revoked one is refused at once
 * (and only its own tenant can revoke it); a signed token past its lifetime is refused; and a deactivated person's
 * token stops working on their next request.
 */
class FreescoutCve2026_27637StaticTokenTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void integration_tokens_are_random_shown_once_and_die_when_revoked() {
        TestHttp.Response first = createToken("rotation one");
        TestHttp.Response second = createToken("rotation two");
        String secret = first.json().get("token").asText();
        assertThat(secret).isNotEqualTo(second.json().get("token").asText()).hasSizeGreaterThanOrEqualTo(36);
        assertThat(secret).doesNotContain(acme.admin.id().toString()).doesNotContain(acme.tenant.toString());
        assertThat(world.http.get(acme.admin.token(), "/api/v1/api-tokens").body())
                .doesNotContain(secret);
        assertThat(world.http.get(secret, "/api/v1/tickets").status()).isEqualTo(200);

        String revoke = "/api/v1/api-tokens/" + first.json().get("id").asText();
        assertThat(world.http.send(globex.admin.token(), "DELETE", revoke, null).status())
                .as("another tenant cannot revoke it")
                .isEqualTo(404);
        assertThat(world.http.get(secret, "/api/v1/tickets").status()).isEqualTo(200);
        assertThat(world.http.send(acme.admin.token(), "DELETE", revoke, null).status())
                .isEqualTo(204);

        TestHttp.Response refused = world.http.get(secret, "/api/v1/tickets");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body())
                .isEqualTo(world.http.get(null, "/api/v1/tickets").body());
    }

    @Test
    void a_signed_token_past_its_lifetime_is_refused() {
        Duration lifetime = world.config.jwtSettings().lifetime();
        JwtTokens past = new JwtTokens(
                world.config.jwtSettings(),
                InstantSource.fixed(Instant.now().minus(lifetime).minus(Duration.ofMinutes(2))));

        String expired =
                past.issue(acme.tenant, new UserId(acme.agent.id()), Role.AGENT).token();

        assertThat(world.http.get(expired, "/api/v1/tickets").status()).isEqualTo(401);
    }

    @Test
    void a_deactivated_persons_token_stops_at_their_next_request() {
        Member leaver = acme.newCustomer("leaver");
        assertThat(world.http.get(leaver.token(), "/api/v1/portal/me").status()).isEqualTo(200);

        TestHttp.Response deactivated =
                world.http.send(acme.admin.token(), "PATCH", "/api/v1/customers/" + leaver.id(), "{\"active\":false}");
        assertThat(deactivated.status()).isEqualTo(200);

        assertThat(world.http.get(leaver.token(), "/api/v1/portal/me").status()).isEqualTo(401);
    }

    private TestHttp.Response createToken(String name) {
        TestHttp.Response created = world.http.post(
                acme.admin.token(), "/api/v1/api-tokens", SecurityWorld.json(Map.of("name", name, "role", "agent")));
        assertThat(created.status()).isEqualTo(201);
        return created;
    }
}
