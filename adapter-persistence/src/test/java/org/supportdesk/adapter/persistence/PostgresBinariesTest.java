package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing between the machine's binaries and the bundled ones, without starting a server. */
class PostgresBinariesTest {
    @TempDir
    Path dir;

    @Test
    void the_first_directory_of_the_search_path_with_initdb_and_pg_ctl_wins_and_nothing_is_unpacked()
            throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path onlyInitdb = Files.createDirectory(dir.resolve("only-initdb"));
        program(onlyInitdb, "initdb");
        Path installed = Files.createDirectory(dir.resolve("installed"));
        program(installed, "initdb");
        program(installed, "pg_ctl");
        Path bundle = dir.resolve("bundle");

        PostgresBinaries binaries = PostgresBinaries.locate(List.of(empty, onlyInitdb, installed), bundle);

        assertThat(binaries.bin()).isEqualTo(installed);
        assertThat(binaries.bundled()).isFalse();
        assertThat(bundle).doesNotExist();
    }

    @Test
    void the_search_path_is_colon_separated_and_skips_empty_entries() {
        assertThat(PostgresBinaries.parseSearchPath("/opt/pg/bin::/usr/lib/postgresql/16/bin: "))
                .containsExactly(Path.of("/opt/pg/bin"), Path.of("/usr/lib/postgresql/16/bin"));
        assertThat(PostgresBinaries.parseSearchPath("")).isEmpty();
    }

    @Test
    void the_bundled_binaries_are_unpacked_into_a_directory_named_after_their_version() {
        // The version comes from the pom (resource filtering), so a bump of the artifact renames the directory.
        assertThat(PostgresBinaries.bundledDirectoryName()).matches("postgresql-\\d+\\.\\d+\\.\\d+");
        assertThat(PostgresBinaries.defaultBundleDirectory().getFileName().toString())
                .startsWith("supportdesk-" + PostgresBinaries.bundledDirectoryName() + "-");
    }

    @Test
    void other_platforms_are_told_what_to_install() {
        assertThat(BundledPostgres.unsupported("Linux", "amd64", true)).isEmpty();
        assertThat(BundledPostgres.unsupported("Mac OS X", "aarch64", true))
                .hasValueSatisfying(reason -> assertThat(reason).contains("Linux x86_64 only", "Mac OS X aarch64"));
        assertThat(BundledPostgres.unsupported("Linux", "aarch64", true))
                .hasValueSatisfying(reason -> assertThat(reason).contains("Linux x86_64 only"));
        assertThat(BundledPostgres.unsupported("Linux", "amd64", false))
                .hasValueSatisfying(reason -> assertThat(reason).contains("glibc", "Alpine"));
    }

    @Test
    void a_bundle_directory_that_others_may_write_to_is_refused() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bundle = Files.createDirectory(dir.resolve("bundle"));
        Files.setPosixFilePermissions(bundle, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> PostgresBinaries.locate(List.of(empty), bundle))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to run PostgreSQL from " + bundle);
    }

    @Test
    void an_incomplete_bundle_directory_is_refused_with_advice() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bundle = Files.createDirectories(dir.resolve("bundle/bin"));
        Files.setPosixFilePermissions(bundle.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> PostgresBinaries.locate(List.of(empty), bundle.getParent()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks bin/initdb")
                .hasMessageContaining("remove the directory");
    }

    private static void program(Path directory, String name) throws IOException {
        Path program = Files.writeString(directory.resolve(name), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
