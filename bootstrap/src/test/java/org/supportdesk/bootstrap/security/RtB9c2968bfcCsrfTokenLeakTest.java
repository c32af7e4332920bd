package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * RT commit b9c2968bfc (2017, listed as "CSRF token leak"): a secret RT carried in URLs left the site with them, in
 * {@code Referer} headers and logs. Our secrets (bearer tokens, passwords) never travel in a URL: a token in the query
 * string authenticates nothing, sign-in takes no credentials from the query, and a refusal repeats no token sent in
 * the URL.
 */
class RtB9c2968bfcCsrfTokenLeakTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void a_token_in_the_query_string_authenticates_nothing() {
        for (String parameter : new String[] {"access_token", "token", "jwt", "bearer", "api_token", "Authorization"}) {
            TestHttp.Response answer =
                    world.http.get(null, "/api/v1/portal/me?" + parameter + "=" + acme.customer.token());
            assertThat(answer.status()).as(parameter).isEqualTo(401);
            assertThat(answer.body()).doesNotContain(acme.customer.token());
        }
    }

    @Test
    void sign_in_takes_no_credentials_from_the_query_string() {
        Member customer = acme.newCustomerWhoSignsIn("query-login");
        String query =
                "?tenant=acme&email=" + SecurityWorld.encoded(customer.email()) + "&password=" + customer.password();

        TestHttp.Response byGet = world.http.get(null, "/api/v1/auth/login" + query);
        TestHttp.Response byPost = world.http.post(null, "/api/v1/auth/login" + query, "{}");

        assertThat(byGet.status()).isEqualTo(405);
        assertThat(byPost.status()).isEqualTo(400);
        for (TestHttp.Response answer : new TestHttp.Response[] {byGet, byPost}) {
            assertThat(answer.body()).doesNotContain(customer.password()).doesNotContain("\"token\"");
        }
    }

    @Test
    void a_refusal_repeats_no_token_sent_in_the_url() {
        String secret = acme.customer.token();
        for (String path : new String[] {
            "/api/v1/no-such-route?access_token=" + secret,
            "/api/v1/portal/tickets/" + UUID.randomUUID() + "?access_token=" + secret
        }) {
            TestHttp.Response refused = world.http.get(acme.customer.token(), path);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(secret);
        }
    }
}
