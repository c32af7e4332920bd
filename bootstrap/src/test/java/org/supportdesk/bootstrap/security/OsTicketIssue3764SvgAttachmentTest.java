package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.AttachmentSamples;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * osTicket issues 3764 and 5512 and pull request 3962 (osTicket/osTicket#3764, #5512, PR#3962): an SVG or HTML
 * attachment ran its script when opened in a tab, in the helpdesk's origin. Here what the bytes are decides (§6):
 * markup that a browser would run is refused with 415 whatever name and type the client gives it, from the portal and
 * from the desk, and text that merely quotes markup is served as a plain-text download that no browser renders.
 */
class OsTicketIssue3764SvgAttachmentTest {
    private static final byte[] HTML_DETAILS = ("<!DOCTYPE html><html><body><details open ontoggle=alert(1)>"
                    + "</details></body></html>\n")
            .getBytes(StandardCharsets.US_ASCII);

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    record Disguise(String name, String claimedType, byte[] content) {}

    @Test
    void svg_and_html_are_refused_under_any_name_and_claimed_type() {
        List<Disguise> disguises = List.of(
                new Disguise("logo.svg", "image/svg+xml", AttachmentSamples.svg()),
                new Disguise("logo.png", "image/png", AttachmentSamples.svg()),
                new Disguise("logo.txt", "text/plain", AttachmentSamples.svg()),
                new Disguise("page.html", "text/html", AttachmentSamples.html()),
                new Disguise("page.pdf", "application/pdf", AttachmentSamples.html()),
                new Disguise("notes.txt", "text/plain", HTML_DETAILS));
        for (Member uploader : List.of(acme.customer, acme.agent)) {
            String route = uploader == acme.customer ? "/api/v1/portal/attachments" : "/api/v1/attachments";
            for (Disguise disguise : disguises) {
                TestHttp.Response refused = world.http.upload(
                        uploader.token(), route, disguise.name(), disguise.claimedType(), disguise.content());
                assertThat(refused.status()).as("%s %s", route, disguise.name()).isEqualTo(415);
                assertThat(refused.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            }
        }
    }

    @Test
    void text_that_quotes_markup_is_a_plain_text_download_no_browser_renders() {
        byte[] quoted = "The page showed <svg onload=alert(1)> in the footer.\n".getBytes(StandardCharsets.UTF_8);
        TestHttp.Response stored = world.http.upload(
                acme.customer.token(), "/api/v1/portal/attachments", "report.txt", "text/html", quoted);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("content_type").asText()).isEqualTo("text/plain");

        TestHttp.Response served = world.http.get(
                acme.customer.token(),
                "/api/v1/portal/attachments/" + stored.json().get("id").asText());

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("text/plain");
        assertThat(served.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(served.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(served.header("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'none'").contains("sandbox"));
        assertThat(served.body()).isEqualTo(new String(quoted, StandardCharsets.UTF_8));
    }
}
