package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * RT CVE-2012-4732 (bestpractical/rt {@code t/security/CVE-2012-4732-csrf-blacklist.t}): a page on another site made a
 * signed-in user's browser perform RT actions, because the browser sent RT's session cookie along by itself. The API's
 * sign-in sets no cookie and a token in any cookie but the web pages' session authenticates nothing. The pages'
 * session cookie is {@code HttpOnly} and {@code SameSite=Strict}, and on its own it changes nothing: every
 * state-changing request made with it needs the session's CSRF token, which only a same-origin read answers. A form or
 * text post (what another site can send without asking) is refused for its type even with a valid token, and no other
 * origin is granted cross-origin access.
 */
class RtCve2012_4732CsrfTest {
    static final String EVIL = "https://evil.example";

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void sign_in_sets_no_cookie_and_a_cookie_authenticates_nothing() {
        Member customer = acme.newCustomerWhoSignsIn("cookie");
        TestHttp.Response signedIn = world.login("acme", customer.email(), customer.password(), world.freshAddress());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.header("Set-Cookie")).isEmpty();
        String token = signedIn.json().get("token").asText();

        TestHttp.Response withCookie = world.http.send(
                null,
                "GET",
                "/api/v1/portal/me",
                null,
                Map.of("Cookie", "token=" + token + "; Authorization=Bearer%20" + token + "; JSESSIONID=" + token));

        assertThat(withCookie.status()).isEqualTo(401);
    }

    @Test
    void a_post_another_site_could_send_unasked_is_refused_even_with_a_valid_token() {
        Member customer = acme.newCustomer("forged-form");
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data"}) {
            TestHttp.Response posted = world.http.send(
                    customer.token(),
                    "POST",
                    "/api/v1/portal/tickets",
                    "subject=Forged&description=From+another+site&category=bug&priority=low",
                    Map.of("Content-Type", type, "Origin", EVIL));
            assertThat(posted.status()).as(type).isEqualTo(415);
        }
        assertThat(SecurityWorld.itemIds(world.http.get(customer.token(), "/api/v1/portal/tickets")))
                .isEmpty();
    }

    @Test
    void no_other_origin_is_granted_cross_origin_access() {
        TestHttp.Response preflight = world.http.send(
                null,
                "OPTIONS",
                "/api/v1/portal/tickets",
                null,
                Map.of(
                        "Origin", EVIL,
                        "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization, content-type"));
        TestHttp.Response read =
                world.http.send(acme.customer.token(), "GET", "/api/v1/portal/me", null, Map.of("Origin", EVIL));

        for (TestHttp.Response answer : new TestHttp.Response[] {preflight, read}) {
            assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(answer.header("Access-Control-Allow-Credentials")).isEmpty();
        }
        assertThat(preflight.status()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void the_pages_session_cookie_changes_nothing_without_its_csrf_token() {
        Member customer = acme.newCustomerWhoSignsIn("session");
        TestHttp.Response started = world.http.send(
                null,
                "POST",
                "/api/v1/auth/session",
                SecurityWorld.json(
                        Map.of("tenant", "acme", "email", customer.email(), "password", customer.password())),
                Map.of("X-Forwarded-For", world.freshAddress()));
        assertThat(started.status()).isEqualTo(200);
        String setCookie = started.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = started.json().get("csrf_token").asText();
        String filing = "{\"subject\":\"Forged\",\"description\":\"From another site\","
                + "\"category\":\"bug\",\"priority\":\"low\"}";

        TestHttp.Response withoutToken = world.http.send(
                null, "POST", "/api/v1/portal/tickets", filing, Map.of("Cookie", cookie, "Origin", EVIL));
        TestHttp.Response withAnotherToken = world.http.send(
                null,
                "POST",
                "/api/v1/portal/tickets",
                filing,
                Map.of("Cookie", cookie, "X-CSRF-Token", csrf.substring(1) + "A"));
        TestHttp.Response read = world.http.send(null, "GET", "/api/v1/portal/tickets", null, Map.of("Cookie", cookie));

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withAnotherToken.status()).isEqualTo(403);
        assertThat(read.status()).isEqualTo(200);
        assertThat(SecurityWorld.itemIds(read)).isEmpty();
        TestHttp.Response withToken = world.http.send(
                null, "POST", "/api/v1/portal/tickets", filing, Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
        assertThat(withToken.status()).isEqualTo(201);
    }
}
