package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.Config;
import org.supportdesk.bootstrap.Supportdesk;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;
import org.supportdesk.domain.digest.Digests;

/**
 * FreeScout GHSA-ph4f-2jhx-q76w (freescout-help-desk/freescout commit d3c31489): the upload routes had no throttling, so
 * one account could fill the disk. Here uploads count against the same per-person limit as every request (§16): past
 * it the answer is 429 with {@code Retry-After} and the {@code RateLimit-*} headers, given before the body is read, so
 * a refused upload leaves no byte on disk.
 */
class FreescoutGhsaPh4fUploadThrottleTest {
    private static final int PER_PERSON_PER_MINUTE = 5;

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void uploads_past_the_limit_are_429_and_store_nothing() throws IOException {
        try (Supportdesk desk =
                world.anotherServer(Map.of(Config.RATE_LIMIT_PER_PERSON, Integer.toString(PER_PERSON_PER_MINUTE)))) {
            TestHttp http = new TestHttp(desk.port());
            Member uploader = acme.newCustomer("ph4f-uploader");
            for (int i = 0; i < PER_PERSON_PER_MINUTE; i++) {
                TestHttp.Response accepted = upload(http, uploader, "accepted " + i);
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
                assertThat(accepted.header("RateLimit-Remaining"))
                        .contains(Integer.toString(PER_PERSON_PER_MINUTE - 1 - i));
            }

            String refusedContent = "ph4f refused upload " + System.nanoTime();
            TestHttp.Response refused = upload(http, uploader, refusedContent);

            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(Integer.parseInt(refused.retryAfter())).isBetween(1, 60);
            assertThat(refused.header("RateLimit-Limit")).contains(Integer.toString(PER_PERSON_PER_MINUTE));
            assertThat(refused.header("RateLimit-Remaining")).contains("0");
            assertThat(filesNamed(Digests.sha256Hex(refusedContent))).isEmpty();
        }
    }

    private static TestHttp.Response upload(TestHttp http, Member uploader, String content) {
        return http.upload(
                uploader.token(),
                "/api/v1/portal/attachments",
                "flood.txt",
                "text/plain",
                content.getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> filesNamed(String digest) throws IOException {
        try (Stream<Path> files = Files.walk(world.config.attachmentsRoot())) {
            return files.filter(file -> file.getFileName().toString().equals(digest))
                    .toList();
        }
    }
}
