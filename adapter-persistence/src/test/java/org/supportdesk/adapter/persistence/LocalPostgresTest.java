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

/**
 * A kept cluster survives its owner dying without closing it: the next start stops the orphan and starts again. Any
 * cluster can be stopped, fast or as in a crash, and started again on the same port with its committed data.
 */
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

    @Test
    void a_stopped_cluster_starts_again_on_the_same_port_with_what_it_committed() throws Exception {
        try (LocalPostgres cluster = LocalPostgres.startThrowaway(LocalPostgres.SynchronousCommit.ON)) {
            String url = cluster.jdbcUrl();
            try (Connection app = DriverManager.getConnection(url, cluster.user(), cluster.password())) {
                app.createStatement().execute("CREATE TABLE survivor (id int)");
            }
            for (LocalPostgres.Shutdown shutdown : LocalPostgres.Shutdown.values()) {
                try (Connection app = DriverManager.getConnection(url, cluster.user(), cluster.password())) {
                    app.createStatement().execute("INSERT INTO survivor VALUES (" + shutdown.ordinal() + ")");
                }
                assertThat(cluster.running()).isTrue();

                cluster.stop(shutdown);
                assertThat(cluster.running()).as(shutdown.name()).isFalse();
                cluster.start();

                assertThat(cluster.running()).isTrue();
                assertThat(cluster.jdbcUrl()).isEqualTo(url);
                try (Connection app = DriverManager.getConnection(url, cluster.user(), cluster.password());
                        ResultSet count = app.createStatement().executeQuery("SELECT count(*) FROM survivor")) {
                    count.next();
                    assertThat(count.getInt(1)).as(shutdown.name()).isEqualTo(shutdown.ordinal() + 1);
                }
            }
        }
    }
}
