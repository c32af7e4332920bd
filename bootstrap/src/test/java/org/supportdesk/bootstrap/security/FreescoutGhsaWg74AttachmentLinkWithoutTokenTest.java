package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * FreeScout GHSA-wg74-ww4w-2qpc (freescout-help-desk/freescout commit 215241ee): attachment links worked for anyone who
 * had the link, without a token. Here a download needs the bearer token in the {@code Authorization} header, like
 * every other route: without it, with the token in the query string or a cookie, or with a token the server did not
 * sign, the answer is 401 and carries none of the file.
 */
class FreescoutGhsaWg74AttachmentLinkWithoutTokenTest {
    private static final String CONTENT = "wg74 invoice number 4711, for the customer's eyes only";

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void a_download_link_alone_gives_nothing() {
        TestHttp.Response stored = world.http.upload(
                acme.customer.token(),
                "/api/v1/portal/attachments",
                "invoice.txt",
                "text/plain",
                CONTENT.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String id = stored.json().get("id").asText();
        String token = acme.customer.token();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZQ";

        for (String path : List.of("/api/v1/portal/attachments/" + id, "/api/v1/attachments/" + id)) {
            List<TestHttp.Response> refusals = List.of(
                    world.http.get(null, path),
                    world.http.get(null, path + "?token=" + token),
                    world.http.get(null, path + "?access_token=" + token),
                    world.http.send(null, "GET", path, null, Map.of("Cookie", "token=" + token)),
                    world.http.get(forged, path));
            for (TestHttp.Response refusal : refusals) {
                assertThat(refusal.status()).as(path).isEqualTo(401);
                assertThat(refusal.contentType()).startsWith("application/problem+json");
                assertThat(refusal.body()).doesNotContain("4711");
            }
        }
        TestHttp.Response owner = world.http.get(token, "/api/v1/portal/attachments/" + id);
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.body()).isEqualTo(CONTENT);
    }
}
