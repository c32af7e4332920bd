package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking archives made here, entry by entry, including hostile ones. */
class TarXzUnpackerTest {
    @TempDir
    Path dir;

    @Test
    void files_keep_their_permission_bits_links_are_recreated_and_implied_directories_are_open() throws IOException {
        byte[] archive = txz(tar -> {
            file(tar, "bin/initdb", 0755, "#!/bin/sh\n");
            file(tar, "lib/libpq.so.5.15", 0644, "library");
            link(tar, "lib/libpq.so.5", "libpq.so.5.15");
            directory(tar, "share/", 0750);
            file(tar, "share/postgresql/pg_trgm.control", 0640, "control");
            file(tar, "bin/setuid-helper", 04755, "dropped set-id bit");
        });
        Path target = dir.resolve("postgresql-test");

        TarXzUnpacker.unpack(new ByteArrayInputStream(archive), target);

        assertThat(mode(target.resolve("bin/initdb"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(target.resolve("lib/libpq.so.5.15"))).isEqualTo("rw-r--r--");
        assertThat(mode(target.resolve("share/postgresql/pg_trgm.control"))).isEqualTo("rw-r-----");
        assertThat(mode(target.resolve("bin/setuid-helper"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(target.resolve("share"))).isEqualTo("rwxr-x---");
        assertThat(mode(target.resolve("bin"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(target)).isEqualTo("rwxr-xr-x");
        assertThat(Files.readSymbolicLink(target.resolve("lib/libpq.so.5"))).isEqualTo(Path.of("libpq.so.5.15"));
        assertThat(target.resolve("lib/libpq.so.5")).hasContent("library");
        assertThat(leftovers()).containsExactly(target);
    }

    @Test
    void an_entry_climbing_out_of_the_target_is_refused_and_nothing_is_left_behind() {
        assertRefused(tar -> file(tar, "bin/../../escaped", 0644, "x"), "outside");
        assertThat(dir.resolve("escaped")).doesNotExist();
    }

    @Test
    void an_absolute_entry_is_refused() {
        assertRefused(tar -> file(tar, "/tmp/absolute-" + System.nanoTime(), 0644, "x"), "outside");
    }

    @Test
    void a_link_to_an_absolute_path_is_refused() {
        assertRefused(tar -> link(tar, "lib/passwd", "/etc/passwd"), "absolute");
    }

    @Test
    void a_link_leading_outside_is_refused() {
        assertRefused(tar -> link(tar, "lib/up", "../../.."), "outside");
    }

    @Test
    void a_link_leading_outside_through_another_link_is_refused() {
        // Each link on its own stays inside when read as text; together they climb out.
        assertRefused(
                tar -> {
                    directory(tar, "a/b/", 0755);
                    link(tar, "a/b/up", "..");
                    link(tar, "a/b/out", "up/../..");
                },
                "outside");
    }

    @Test
    void writing_through_a_link_is_refused() {
        assertRefused(
                tar -> {
                    directory(tar, "real/", 0755);
                    link(tar, "alias", "real");
                    file(tar, "alias/file", 0644, "x");
                },
                "through the symbolic link");
    }

    @Test
    void hard_links_and_devices_are_refused() {
        assertRefused(
                tar -> {
                    file(tar, "a", 0644, "x");
                    TarArchiveEntry hard = new TarArchiveEntry("b", TarConstants.LF_LINK);
                    hard.setLinkName("a");
                    put(tar, hard, null);
                },
                "neither");
        assertRefused(tar -> put(tar, new TarArchiveEntry("fifo", TarConstants.LF_FIFO), null), "neither");
    }

    @Test
    void a_truncated_archive_leaves_neither_the_target_nor_a_partial_tree() {
        byte[] archive = txz(tar -> {
            file(tar, "bin/initdb", 0755, "x".repeat(100_000));
            file(tar, "bin/pg_ctl", 0755, "y".repeat(100_000));
        });
        byte[] truncated = Arrays.copyOf(archive, archive.length / 2);
        Path target = dir.resolve("postgresql-test");

        assertThatThrownBy(() -> TarXzUnpacker.unpack(new ByteArrayInputStream(truncated), target))
                .isInstanceOf(IOException.class);

        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void when_another_process_finished_first_its_copy_is_kept() throws IOException {
        Path target =
                Files.createDirectories(dir.resolve("postgresql-test/bin")).getParent();
        Files.writeString(target.resolve("bin/initdb"), "theirs");

        TarXzUnpacker.unpack(new ByteArrayInputStream(txz(tar -> file(tar, "bin/initdb", 0755, "ours"))), target);

        assertThat(target.resolve("bin/initdb")).hasContent("theirs");
        assertThat(leftovers()).containsExactly(target);
    }

    @Test
    void a_staging_directory_left_by_a_killed_unpack_is_removed_by_the_next_one() throws IOException {
        Path stale = Files.createDirectories(dir.resolve(".postgresql-test.unpacking-123/bin"))
                .getParent();
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path target = dir.resolve("postgresql-test");

        TarXzUnpacker.unpack(new ByteArrayInputStream(txz(tar -> file(tar, "bin/initdb", 0755, "x"))), target);

        assertThat(stale).doesNotExist();
        assertThat(leftovers()).containsExactly(target);
    }

    private void assertRefused(Consumer<TarArchiveOutputStream> entries, String reason) {
        Path target = dir.resolve("postgresql-test");
        byte[] archive = txz(entries);

        assertThatThrownBy(() -> TarXzUnpacker.unpack(new ByteArrayInputStream(archive), target))
                .isInstanceOf(TarXzUnpacker.UnsafeArchive.class)
                .hasMessageContaining(reason);
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    private List<Path> leftovers() {
        try (Stream<Path> children = Files.list(dir)) {
            return children.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static byte[] txz(Consumer<TarArchiveOutputStream> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            entries.accept(tar);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
        entry.setSize(data.length);
        put(tar, entry, data);
    }

    private static void directory(TarArchiveOutputStream tar, String name, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
        put(tar, entry, null);
    }

    private static void link(TarArchiveOutputStream tar, String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        entry.setLinkName(target);
        put(tar, entry, null);
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] data) {
        try {
            tar.putArchiveEntry(entry);
            if (data != null) {
                tar.write(data);
            }
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
