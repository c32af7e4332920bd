package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled PostgreSQL binaries, for real: with the machine's binaries hidden (a search path naming only an empty
 * directory), a cluster starts from the bundled ones, runs our migrations (pg_trgm, btree_gin) and answers queries. The
 * rest of the suite uses the machine's binaries when it has them, so this runs the bundled path on every build.
 */
@Timeout(600)
class BundledPostgresTest {
    @TempDir
    Path dir;

    @Test
    void with_the_system_binaries_hidden_a_cluster_starts_from_the_bundled_ones_and_runs_our_migrations()
            throws Exception {
        Path hidden = Files.createDirectory(dir.resolve("no-postgres-here"));

        BundledClusterCheck.Outcome outcome = BundledClusterCheck.run(hidden);

        assertThat(outcome.binaries().bundled()).isTrue();
        assertThat(outcome.binaries().bin())
                .isEqualTo(PostgresBinaries.defaultBundleDirectory()
                        .toAbsolutePath()
                        .resolve("bin"));
        assertThat(BundledPostgres.VERSION).startsWith(outcome.serverVersion() + ".");
        assertThat(outcome.extensions()).isEqualTo("btree_gin,pg_trgm");
        assertThat(outcome.similarity()).isPositive();
        if (PostgresAccount.runningAsRoot()) {
            assertThat(outcome.account().switchesUser()).isTrue();
            assertThat(outcome.serverProcessOwner())
                    .isEqualTo(outcome.account().name())
                    .isNotEqualTo("root");
        } else {
            assertThat(outcome.serverProcessOwner()).isEqualTo(System.getProperty("user.name"));
        }
        Path lib = outcome.binaries().bin().resolveSibling("lib");
        assertThat(Files.isSymbolicLink(lib.resolve("libpq.so.5"))).isTrue();
        assertThat(lib.resolve("libpq.so.5").toRealPath().startsWith(lib.toRealPath()))
                .isTrue();
    }

    @Test
    void a_normal_user_starts_the_bundled_cluster_too() throws Exception {
        assumeTrue(
                PostgresAccount.runningAsRoot(),
                "this JVM is not root, so the test above already started the bundled cluster as a normal user");
        PostgresAccount account = PostgresAccount.forThisProcess();
        // The child runs as the account, which cannot read root's ~/.m2 or this module's target/: give it copies.
        Path shared = Files.createTempDirectory("supportdesk-child-jvm-");
        try {
            open(shared);
            String classpath = String.join(":", copyClasspath(Files.createDirectory(shared.resolve("classpath"))));
            Path hidden = open(Files.createDirectory(shared.resolve("no-postgres-here")));
            Path output = shared.resolve("output.txt");
            List<String> command = List.of(
                    "runuser",
                    "-u",
                    account.name(),
                    "--",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    classpath,
                    BundledClusterCheck.class.getName(),
                    hidden.toString());

            Process child = new ProcessBuilder(command)
                    .directory(shared.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = child.waitFor(540, TimeUnit.SECONDS);
            if (!finished) {
                child.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);

            assertThat(finished).as(printed).isTrue();
            assertThat(child.exitValue()).as(printed).isZero();
            assertThat(printed)
                    .contains(BundledClusterCheck.SUCCESS + " user=" + account.name() + " bundled=true")
                    .contains("extensions=btree_gin,pg_trgm")
                    .contains("server-process-owner=" + account.name());
        } finally {
            FileTrees.delete(shared);
        }
    }

    private static List<String> copyClasspath(Path into) throws IOException {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(":")) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path copy = into.resolve(index++ + "-" + source.getFileName());
            try (Stream<Path> tree = Files.walk(source)) {
                for (Path path : (Iterable<Path>) tree::iterator) {
                    Path target = copy.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    open(target);
                }
            }
            entries.add(copy.toString());
        }
        return entries;
    }

    private static Path open(Path path) throws IOException {
        Files.setPosixFilePermissions(
                path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        return path;
    }
}
