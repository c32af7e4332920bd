package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * FreeScout GHSA-9ph7-f3hc-95gg (freescout-help-desk/freescout commit 2cd2e66b): a path parameter of the log viewer
 * walked out of its directory. Here no client text ever becomes a path: a download is named by an id, and anything in
 * its place that is not one (dot segments, encoded slashes, a file's digest) is a 400 or 404 that reads no file; an
 * upload's name is kept as text only, while its bytes are stored under their SHA-256 inside the tenant's directory.
 */
class FreescoutGhsa9ph7PathTraversalTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void nothing_but_an_id_reaches_a_file() {
        TestHttp.Response stored = world.http.upload(
                acme.customer.token(),
                "/api/v1/portal/attachments",
                "trail.txt",
                "text/plain",
                "9ph7 breadcrumbs".getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String digest = stored.json().get("sha256").asText();

        for (String route : List.of("/api/v1/portal/attachments/", "/api/v1/attachments/")) {
            String token = route.contains("portal") ? acme.customer.token() : acme.agent.token();
            for (String hostile : List.of(
                    "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                    "..%5C..%5Cwindows%5Cwin.ini",
                    "....%2F%2F....%2F%2Fetc%2Fpasswd",
                    "%252e%252e%252fetc%252fpasswd",
                    digest,
                    acme.tenant + "%2F" + digest)) {
                TestHttp.Response answer = world.http.get(token, route + hostile);
                assertThat(answer.status()).as(route + hostile).isIn(400, 404);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.body()).doesNotContain("root:", "9ph7 breadcrumbs", "[fonts]");
            }
        }
    }

    @Test
    void an_upload_s_name_never_names_a_file() throws IOException {
        String name = "../../../../../../tmp/9ph7-planted.txt";
        byte[] content = "planted".getBytes(StandardCharsets.UTF_8);

        TestHttp.Response stored =
                world.http.upload(acme.customer.token(), "/api/v1/portal/attachments", name, "text/plain", content);

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("filename").asText()).isEqualTo("9ph7-planted.txt");
        assertThat(Path.of("/tmp/9ph7-planted.txt")).doesNotExist();
        Path store = world.config.attachmentsRoot().toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(world.dataDir)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(file -> file.getFileName().toString()))
                    .noneMatch(file -> file.contains("planted"));
        }
        try (Stream<Path> files = Files.walk(store)) {
            assertThat(files.filter(Files::isRegularFile)
                            .filter(file -> !file.toString().contains("/staging/")))
                    .anySatisfy(file -> assertThat(file.getFileName().toString())
                            .isEqualTo(stored.json().get("sha256").asText()))
                    .allSatisfy(file -> {
                        assertThat(file.getFileName().toString()).matches("[0-9a-f]{64}");
                        assertThat(file.toAbsolutePath().normalize()).startsWith(store);
                    });
        }
    }
}
