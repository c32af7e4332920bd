package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path directory;

    @Test
    void a_written_file_is_its_owners_only_and_replaces_the_old_one_whole() throws Exception {
        Path file = directory.resolve("nested/secret");

        PrivateFiles.write(file, "first");
        PrivateFiles.write(file, "second");

        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void of_many_starts_creating_one_secret_at_once_exactly_one_writes_it_and_all_read_it_whole() throws Exception {
        Path file = directory.resolve("jwt-secret");
        ExecutorService starts = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> created = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                String content = String.format("secret-of-start-%02d-", i) + "-".repeat(4_000);
                created.add(starts.submit(() -> {
                    go.await();
                    boolean wrote = PrivateFiles.createIfAbsent(file, content);
                    assertThat(Files.readString(file))
                            .startsWith("secret-of-start-")
                            .hasSize(content.length());
                    return wrote;
                }));
            }
            go.countDown();
            int writers = 0;
            for (Future<Boolean> start : created) {
                writers += start.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(writers).isOne();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(leftovers()).isEmpty();
        } finally {
            starts.shutdownNow();
        }
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }
}
