package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The change feed's promise across a crash (§16): customers file tickets through the real server, run as a child JVM,
 * while a reader follows {@code GET /changes}; the server is killed with {@code SIGKILL} mid-load and started again.
 * The reader sees cursors 1, 2, 3 … with no hole and no repeat, every filing the server acknowledged exactly once, and
 * as many events as the journal holds: nothing a crash cut short left an event behind, or a hole.
 */
@Timeout(300)
class ChangeFeedCrashTest {
    private static final int WRITERS = 4;

    private static LocalPostgres cluster;
    private static ChildServerRig rig;

    @TempDir
    static Path work;

    @BeforeAll
    static void startCluster() {
        cluster = LocalPostgres.startThrowaway();
        rig = new ChildServerRig(cluster, work);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void a_reader_sees_every_acknowledged_change_once_in_order_across_a_kill_and_restart() throws Exception {
        ChildServerRig.Cast cast = rig.onboard("feedcrash");
        String admin = rig.token(cast.admin());
        String customer = rig.token(cast.customer());
        Path log = work.resolve("servers.log");
        int port = ChildServerRig.freePort();
        TestHttp http = new TestHttp(port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        ServerProcess first = ServerProcess.start(rig.environment(Map.of()), port, log);
        ServerProcess second = null;
        try {
            ChildServerRig.awaitServing(http, admin, "/api/v1/changes", first);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        try {
                            TestHttp.Response filed = http.post(
                                    customer,
                                    "/api/v1/portal/tickets",
                                    "{\"subject\":\"Writer " + writer + " filing " + i
                                            + "\",\"description\":\"Through a crash\",\"category\":\"technical\"}");
                            if (filed.status() == 201) {
                                acknowledged.add(filed.json().get("id").asText());
                            }
                        } catch (IllegalStateException serverDown) {
                            pause();
                        }
                    }
                    return null;
                }));
            }
            List<JsonNode> seen = new ArrayList<>();
            long cursor = follow(http, admin, 0, seen, 1_500);
            first.kill(); // SIGKILL mid-load: no shutdown hook, no clean close
            second = ServerProcess.start(rig.environment(Map.of()), port, log);
            ChildServerRig.awaitServing(http, admin, "/api/v1/changes", second);
            cursor = follow(http, admin, cursor, seen, 1_500);
            writing.set(false);
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            follow(http, admin, cursor, seen, 0);

            assertThat(seen)
                    .extracting(item -> item.get("cursor").asLong())
                    .as("cursors 1, 2, 3 … with no hole and no repeat")
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, seen.size()).boxed().toList());
            List<String> created = seen.stream()
                    .filter(item -> item.get("type").asText().equals("ticket_created"))
                    .map(item -> item.get("ticket_id").asText())
                    .toList();
            assertThat(created).doesNotHaveDuplicates();
            assertThat(new HashSet<>(created)).containsAll(acknowledged);
            assertThat(acknowledged).hasSizeGreaterThan(WRITERS);
            assertThat((long) seen.size()).isEqualTo(journalled(cast.admin().tenant()));
            System.out.printf(
                    "Change feed across SIGKILL: %d filings acknowledged, %d events read, cursors 1..%d without a hole%n",
                    acknowledged.size(), seen.size(), seen.size());
        } finally {
            writing.set(false);
            threads.shutdownNow();
            first.kill();
            if (second != null) {
                second.kill();
            }
        }
    }

    /**
     * Reads the feed after {@code cursor} for at least {@code millis}, then until it is drained, checking each page goes
     * on exactly where the last stopped; answers the cursor to go on from.
     */
    private static long follow(TestHttp http, String token, long cursor, List<JsonNode> seen, long millis) {
        long until = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            TestHttp.Response page = http.get(token, "/api/v1/changes?limit=200&after=" + cursor);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode items = page.json().get("items");
            for (JsonNode item : items) {
                assertThat(item.get("cursor").asLong()).isEqualTo(cursor + 1);
                cursor = item.get("cursor").asLong();
                seen.add(item);
            }
            if (items.isEmpty() && System.nanoTime() > until) {
                return cursor;
            }
        }
    }

    private static long journalled(TenantId tenant) {
        try (Connection superuser = cluster.superuserConnection("supportdesk");
                PreparedStatement query =
                        superuser.prepareStatement("SELECT count(*) FROM journal WHERE tenant_id = ?")) {
            query.setObject(1, tenant.value());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the journal", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
