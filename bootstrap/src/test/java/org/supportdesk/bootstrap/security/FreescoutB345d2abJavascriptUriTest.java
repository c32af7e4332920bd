package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * FreeScout commit b345d2ab: a {@code javascript:} URI saved in a customer's website field ran as stored XSS when staff
 * followed the link. Our one stored link is the portal filing's {@code page_url}: anything but an http or https address,
 * however it is spelt, is a 400 naming the field and files nothing; a web address is kept as given.
 */
class FreescoutB345d2abJavascriptUriTest {
    static final List<String> HOSTILE = List.of(
            "javascript:alert(document.cookie)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u0001javascript:alert(1)",
            "jav&#x61;script:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "//evil.example/steal",
            "file:///etc/passwd");

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void a_page_url_that_is_not_a_web_address_is_refused_and_files_nothing() {
        Member customer = acme.newCustomer("widget");
        for (String url : HOSTILE) {
            TestHttp.Response refused = file(customer, url);
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("page_url");
        }
        assertThat(SecurityWorld.itemIds(world.http.get(customer.token(), "/api/v1/portal/tickets")))
                .isEmpty();
    }

    @Test
    void a_web_address_is_kept_as_given() {
        String url = "https://app.example/settings?tab=billing#plan";

        TestHttp.Response filed = file(acme.newCustomer("widget-ok"), url);

        assertThat(filed.status()).isEqualTo(201);
        TestHttp.Response staffView = world.http.get(
                acme.agent.token(), "/api/v1/tickets/" + filed.json().get("id").asText());
        assertThat(staffView.json().get("page_url").asText()).isEqualTo(url);
    }

    private TestHttp.Response file(Member customer, String pageUrl) {
        return world.http.post(
                customer.token(),
                "/api/v1/portal/tickets",
                SecurityWorld.json(Map.of(
                        "subject", "The save button does nothing",
                        "description", "Clicked it twice",
                        "category", "bug",
                        "priority", "low",
                        "page_url", pageUrl)));
    }
}
