package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.persistence.PostgresAccount;
import org.supportdesk.adapter.persistence.PostgresBinaries;

class ClusterLocationTest {
    @TempDir
    Path dir;

    @Test
    void the_cluster_lives_under_the_data_dir_when_its_account_can_reach_it() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = dir.resolve("data");

        Path location = ClusterLocation.forDataDir(dataDir, PostgresAccount.forThisProcess());

        assertThat(location).isEqualTo(dataDir.toAbsolutePath().resolve("postgres"));
        assertThat(ClusterLocation.bundledBinaries(location))
                .isEqualTo(dataDir.toAbsolutePath().resolve(PostgresBinaries.bundledDirectoryName()));
    }

    @Test
    void as_root_behind_a_closed_directory_it_moves_to_a_stable_place_named_after_the_data_dir() throws IOException {
        PostgresAccount account = PostgresAccount.forThisProcess();
        assumeTrue(account.switchesUser(), "only root hands the cluster to another account");
        Path closed = Files.createDirectory(dir.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Path dataDir = closed.resolve("data");

        Path location = ClusterLocation.forDataDir(dataDir, account);

        assertThat(location.startsWith(closed)).isFalse();
        assertThat(location.startsWith(ClusterLocation.ROOTS_CLUSTERS)).isTrue();
        assertThat(location.getFileName()).hasToString("postgres");
        assertThat(location.getParent().getFileName().toString()).matches("cluster-[0-9a-f]{16}");
        assertThat(account.canReach(location)).isTrue();
        assertThat(account.canReach(ClusterLocation.bundledBinaries(location))).isTrue();
        assertThat(ClusterLocation.forDataDir(dataDir, account)).isEqualTo(location);
        assertThat(ClusterLocation.forDataDir(closed.resolve("other"), account)).isNotEqualTo(location);
    }

    @Test
    void as_root_a_place_someone_else_could_have_prepared_is_refused() throws IOException {
        PostgresAccount account = PostgresAccount.forThisProcess();
        assumeTrue(account.switchesUser(), "only root hands the cluster to another account");
        Path closed = Files.createDirectory(dir.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Path dataDir = closed.resolve("data");
        Path writableByAll = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(writableByAll, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path symlink = Files.createSymbolicLink(dir.resolve("link"), Files.createDirectory(dir.resolve("target")));

        assertThatThrownBy(() -> ClusterLocation.forDataDir(dataDir, account, writableByAll))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no one else can write");
        assertThatThrownBy(() -> ClusterLocation.forDataDir(dataDir, account, symlink))
                .isInstanceOf(IllegalStateException.class);
        Path safe = Files.createDirectory(dir.resolve("safe"));
        Files.setPosixFilePermissions(safe, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(ClusterLocation.forDataDir(dataDir, account, safe)).startsWithRaw(safe);
    }
}
