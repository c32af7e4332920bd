package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A kept cluster survives its owner dying without closing it: the next start stops the orphan and starts again. */
@Timeout(180)
class LocalPostgresTest {

    @Test
    void a_kept_cluster_left_running_by_a_killed_process_is_restarted_and_keeps_its_data() throws Exception {
        Path directory = Files.createTempDirectory("supportdesk-kept-");
        LocalPostgres orphan = LocalPostgres.startKept(directory); // never closed: as if its process had been killed
        try (Connection app = DriverManager.getConnection(orphan.jdbcUrl(), orphan.user(), orphan.password())) {
            app.createStatement().execute("CREATE TABLE survivor (id int)");
            app.createStatement().execute("INSERT INTO survivor VALUES (42)");
        }

        try (LocalPostgres again = LocalPostgres.startKept(directory);
                Connection app = DriverManager.getConnection(again.jdbcUrl(), again.user(), again.password());
                ResultSet row = app.createStatement().executeQuery("SELECT id FROM survivor")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(42);
            assertThat(again.password()).isEqualTo(orphan.password());
        }
        assertThat(directory.resolve("data/postmaster.pid")).doesNotExist();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
