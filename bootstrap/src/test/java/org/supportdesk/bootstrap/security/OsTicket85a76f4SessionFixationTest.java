package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * osTicket commit 85a76f403 (2022): the session a client arrived with survived sign-in (session fixation), so whoever
 * planted the session id shared the signed-in session. Sign-in here adopts nothing the client brings: each sign-in
 * answers a token of its own, a token or cookie sent along is ignored, and a planted token keeps acting for its own
 * holder only.
 */
class OsTicket85a76f4SessionFixationTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void sign_in_answers_a_new_token_whatever_the_client_brought() {
        Member attacker = acme.newCustomer("planter");
        Member victim = acme.newCustomerWhoSignsIn("planted-on");
        String planted = attacker.token();

        TestHttp.Response signedIn = world.login(
                "acme",
                victim.email(),
                victim.password(),
                world.freshAddress(),
                Map.of("Authorization", "Bearer " + planted, "Cookie", "JSESSIONID=" + planted));
        TestHttp.Response again = world.login("acme", victim.email(), victim.password(), world.freshAddress());

        assertThat(signedIn.status()).isEqualTo(200);
        String token = signedIn.json().get("token").asText();
        assertThat(token)
                .isNotEqualTo(planted)
                .isNotEqualTo(again.json().get("token").asText());
        assertThat(me(token)).isEqualTo(victim.id().toString());
        assertThat(me(planted))
                .as("the planted token still acts only for its holder")
                .isEqualTo(attacker.id().toString());
    }

    private String me(String token) {
        return world.http.get(token, "/api/v1/portal/me").json().get("id").asText();
    }
}
