package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The pages' foundation in a real browser: both areas are served with a strict policy, sign in through their own form
 * with the session kept in an HttpOnly cookie, and send people of the other area on their way.
 */
class PagesFoundationTest {
    final WebWorld world = WebWorld.get();

    @Test
    void a_customer_signs_in_on_the_portal_and_no_script_can_read_the_session() {
        WebWorld.Tenant acme = world.tenant("portal");
        world.call(
                acme.customer(),
                "POST",
                "/api/v1/portal/tickets",
                java.util.Map.of(
                        "subject",
                        "Printer jammed",
                        "description",
                        "Paper everywhere",
                        "category",
                        "technical",
                        "priority",
                        "medium"));
        Browser browser = world.freshBrowser();

        browser.open(world.url("/"));
        browser.signIn(acme.slug(), acme.customer().email(), acme.customer().password());

        browser.awaitText("main", "Printer jammed");
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void an_agent_signs_in_on_the_console_and_a_customer_there_is_sent_to_the_portal() {
        WebWorld.Tenant acme = world.tenant("desk");
        world.call(
                acme.customer(),
                "POST",
                "/api/v1/portal/tickets",
                java.util.Map.of(
                        "subject",
                        "VPN down",
                        "description",
                        "Since nine",
                        "category",
                        "technical",
                        "priority",
                        "high"));
        Browser browser = world.freshBrowser();

        browser.open(world.url("/desk"));
        browser.signIn(acme.slug(), acme.agent().email(), acme.agent().password());
        browser.awaitText("main", "VPN down");

        browser.forgetEverything(world.url("/assets/app.css"));
        browser.open(world.url("/desk/"));
        browser.signIn(acme.slug(), acme.customer().email(), acme.customer().password());
        browser.await("main a[href='/']");
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void every_page_and_answer_carries_the_policy() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/", "/desk/", "/assets/app.css", "/api/v1/auth/session"}) {
            HttpResponse<Void> answer = client.send(
                    HttpRequest.newBuilder(URI.create(world.url(path))).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(policy -> assertThat(policy)
                            .contains("script-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
        }
    }
}
