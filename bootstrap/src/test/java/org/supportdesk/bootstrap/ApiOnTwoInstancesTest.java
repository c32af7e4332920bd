package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stateless instances of the server on one database, as behind a balancer (docs/scaling.md), with clients spread
 * over both: filing concurrently on both loses nothing and numbers every ticket once; what one writes the other reads,
 * with ETags that hold across them; the change feed and live events of one carry the writes of the other; and the
 * background round, under its advisory lock, runs on one instance at a time. {@link
 * ApiOnTwoInstancesThroughPgBouncerTest} runs it all with both instances behind one PgBouncer in transaction mode.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiOnTwoInstancesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int CLIENTS_PER_INSTANCE = 4;
    private static final int FILINGS_PER_CLIENT = 10;

    private ApiServer server;
    private Supportdesk second;
    private List<TestHttp> instances;
    private String carla;
    private String agnes;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path secondDataDir;

    /** What both instances serve from: a fresh cluster, straight; the PgBouncer variant puts PgBouncer between. */
    ServedDatabase database() {
        return ServedDatabase.direct();
    }

    @BeforeAll
    void start() {
        server = ApiServer.start(database(), dataDir, Map.of());
        second = server.anotherInstance(secondDataDir);
        instances = List.of(server.http, new TestHttp(second.port()));
        ApiServer.Acme acme = server.acme();
        carla = acme.customer();
        agnes = acme.agent();
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void filing_concurrently_on_both_instances_numbers_every_ticket_once_and_loses_none() throws Exception {
        int clients = 2 * CLIENTS_PER_INSTANCE;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<JsonNode>>> filed = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                TestHttp instance = instances.get(client % 2);
                int c = client;
                filed.add(pool.submit(() -> {
                    go.await();
                    List<JsonNode> tickets = new ArrayList<>();
                    for (int i = 0; i < FILINGS_PER_CLIENT; i++) {
                        tickets.add(file(instance, "Spreadload " + c + "-" + i));
                    }
                    return tickets;
                }));
            }
            go.countDown();
            Set<String> numbers = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Future<List<JsonNode>> client : filed) {
                for (JsonNode ticket : client.get(120, TimeUnit.SECONDS)) {
                    numbers.add(ticket.get("number").asText());
                    ids.add(ticket.get("id").asText());
                }
            }

            int expected = clients * FILINGS_PER_CLIENT;
            assertThat(numbers).as("one number per ticket").hasSize(expected);
            assertThat(ids).hasSize(expected);
            for (TestHttp instance : instances) {
                TestHttp.Response listed = instance.get(agnes, "/api/v1/tickets?q=spreadload&limit=1");
                assertThat(listed.status()).as(listed.body()).isEqualTo(200);
                assertThat(listed.json().get("pagination").get("total").asInt()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_write_on_one_instance_is_read_on_the_other_and_a_stale_etag_from_either_is_refused() {
        TestHttp first = instances.get(0);
        TestHttp other = instances.get(1);
        String id = file(first, "Read across").get("id").asText();
        TestHttp.Response readOnFirst = first.get(agnes, "/api/v1/tickets/" + id);
        TestHttp.Response readOnOther = other.get(agnes, "/api/v1/tickets/" + id);
        assertThat(readOnOther.status()).as(readOnOther.body()).isEqualTo(200);
        assertThat(readOnOther.json().get("subject").asText()).isEqualTo("Read across");
        assertThat(readOnOther.etag()).isNotBlank().isEqualTo(readOnFirst.etag());

        TestHttp.Response changedOnOther = other.send(
                agnes,
                "PATCH",
                "/api/v1/tickets/" + id,
                "{\"priority\":\"urgent\"}",
                Map.of("If-Match", readOnFirst.etag()));
        assertThat(changedOnOther.status()).as(changedOnOther.body()).isEqualTo(200);
        TestHttp.Response staleOnFirst = first.send(
                agnes,
                "PATCH",
                "/api/v1/tickets/" + id,
                "{\"priority\":\"low\"}",
                Map.of("If-Match", readOnFirst.etag()));

        assertThat(staleOnFirst.status()).as(staleOnFirst.body()).isEqualTo(412);
        TestHttp.Response reread = first.get(agnes, "/api/v1/tickets/" + id);
        assertThat(reread.json().get("priority").asText()).isEqualTo("urgent");
        assertThat(reread.etag()).isEqualTo(changedOnOther.etag());
    }

    @Test
    void the_change_feed_and_live_events_of_one_instance_carry_the_writes_of_the_other() throws Exception {
        TestHttp first = instances.get(0);
        TestHttp other = instances.get(1);
        TestHttp.Response head = other.get(agnes, "/api/v1/changes?limit=1000");
        assertThat(head.status()).as(head.body()).isEqualTo(200);
        String after = head.json().get("next_cursor").asText();

        try (EventStream stream = EventStream.open(second.port(), "/api/v1/events", agnes)) {
            assertThat(stream.status).isEqualTo(200);
            String id = file(first, "Fed across").get("id").asText();

            assertThat(stream.next("ticket_created", WAIT))
                    .hasValueSatisfying(event -> assertThat(event.data()).contains(id));
            TestHttp.Response changes = other.get(agnes, "/api/v1/changes?limit=1000&after=" + after);
            assertThat(changes.status()).as(changes.body()).isEqualTo(200);
            List<String> tickets = new ArrayList<>();
            changes.json()
                    .get("items")
                    .forEach(item -> tickets.add(item.get("ticket_id").asText()));
            assertThat(tickets).contains(id);
        }
    }

    @Test
    void while_one_instance_runs_a_background_round_the_other_skips_it() throws Exception {
        try (Connection superuser = server.database
                        .cluster()
                        .superuserConnection(server.database.cluster().database());
                Statement sql = superuser.createStatement()) {
            superuser.setAutoCommit(false);
            // The round's first job reads the tickets: held here, the round waits inside its lock.
            sql.execute("LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Boolean> firstRound = CompletableFuture.supplyAsync(
                    () -> server.desk.backgroundWork().runOnce());
            awaitARoundHoldingTheLockWhileItWaits(superuser);

            assertThat(second.backgroundWork().runOnce())
                    .as("the second instance skips")
                    .isFalse();
            assertThat(holdersOfTheBackgroundLock(superuser)).isEqualTo(1);
            superuser.rollback();
            firstRound.get(60, TimeUnit.SECONDS);
        }
        assertThat(second.backgroundWork().runOnce())
                .as("once the lock is free, the next round runs")
                .isTrue();
    }

    /** Waits (bounded) until a backend waits for the table lock and one session holds the background lock. */
    private static void awaitARoundHoldingTheLockWhileItWaits(Connection superuser) throws Exception {
        for (int tries = 0; tries < 200; tries++) {
            try (Statement sql = superuser.createStatement();
                    ResultSet waiting =
                            sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
                waiting.next();
                if (waiting.getInt(1) > 0 && holdersOfTheBackgroundLock(superuser) == 1) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no background round came to wait for the tickets table within 10 s");
    }

    private static int holdersOfTheBackgroundLock(Connection superuser) throws SQLException {
        try (PreparedStatement sql = superuser.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype ="
                + " 'advisory' AND granted AND (classid::bigint << 32 | objid::bigint) = ?")) {
            sql.setLong(1, BackgroundWork.LOCK_KEY);
            try (ResultSet holders = sql.executeQuery()) {
                holders.next();
                return holders.getInt(1);
            }
        }
    }

    private JsonNode file(TestHttp instance, String subject) {
        TestHttp.Response filed = instance.post(
                carla,
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + subject + "\",\"description\":\"Details\",\"category\":\"technical\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json();
    }
}
