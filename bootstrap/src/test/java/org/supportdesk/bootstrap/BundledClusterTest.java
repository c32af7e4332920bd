package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.persistence.PostgresBinaries;

/**
 * What {@code ./supportdesk} does on a machine without PostgreSQL: {@value Config#POSTGRES_PATH} names only an empty
 * directory, so the server's own cluster starts from the bundled binaries, unpacked beside it in the data directory.
 */
@Timeout(300)
class BundledClusterTest {
    @TempDir
    Path dir;

    @Test
    void without_postgresql_on_the_search_path_the_bundled_binaries_are_unpacked_beside_the_cluster_and_reused()
            throws IOException {
        // The cluster's account must reach the data directory when the tests run as root.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = dir.resolve("data");
        Path hidden = Files.createDirectory(dir.resolve("no-postgres-here"));
        Map<String, String> environment = Map.of(
                Config.DATA_DIR, dataDir.toString(),
                Config.POSTGRES_PATH, hidden.toString());
        Path bundled = dataDir.toAbsolutePath().resolve(PostgresBinaries.bundledDirectoryName());

        migrate(environment);

        assertThat(bundled.resolve("bin/postgres")).isExecutable();
        assertThat(Files.readString(dataDir.resolve("postgres/data/PG_VERSION")).strip())
                .isEqualTo(PostgresBinaries.bundledDirectoryName().replaceAll("postgresql-(\\d+)\\..*", "$1"));
        assertThat(dataDir.resolve("postgres/data/postmaster.pid")).doesNotExist();

        var unpackedAt = Files.getLastModifiedTime(bundled);
        migrate(environment);
        assertThat(Files.getLastModifiedTime(bundled)).isEqualTo(unpackedAt);
        assertThat(dataDir.resolve("postgres/data/postmaster.pid")).doesNotExist();
    }

    private static void migrate(Map<String, String> environment) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new Main(
                        environment, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), errors)
                .run("migrate");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
