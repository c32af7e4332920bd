package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * S14's crash window (docs/adr/0012): the real server runs as a child JVM ({@link ServerProcess}) and is killed with
 * {@code SIGKILL} after its dispatcher has sent a webhook and before it could mark it sent. The receiver (a JDK
 * {@code HttpServer} on 127.0.0.1) holds its answer to that first request until the kill is done, so the kill lands in
 * the window for certain rather than by luck. A new server process takes the delivery again when its lease ends and
 * sends it with the same {@code webhook-id} and a valid signature: the receiver sees a duplicate it can recognise, and
 * after de-duplication exactly one delivery. Figures are printed, never asserted against the clock.
 */
@Timeout(600)
class WebhookCrashWindowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "crash";
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
    void a_dispatcher_killed_between_send_and_mark_sent_is_redelivered_with_the_same_webhook_id() throws Exception {
        ChildServerRig.Cast cast = rig.onboard(TENANT);
        String adminToken = rig.token(cast.admin());
        String customerToken = rig.token(cast.customer());
        Path log = work.resolve("servers.log");
        try (HoldingReceiver receiver = new HoldingReceiver()) {
            int port = ChildServerRig.freePort();
            ServerProcess first = ServerProcess.start(environment(), port, log);
            String secret;
            String ticket;
            String hookId;
            long killedAt;
            try {
                TestHttp http = new TestHttp(port);
                ChildServerRig.awaitServing(http, adminToken, "/api/v1/webhooks", first);
                TestHttp.Response hook = http.post(
                        adminToken,
                        "/api/v1/webhooks",
                        "{\"url\":\"" + receiver.url()
                                + "\",\"events\":[\"ticket_created\"],\"description\":\"crash\"}");
                assertThat(hook.status()).as(hook.body()).isEqualTo(201);
                secret = hook.json().get("secret").asText();
                hookId = hook.json().get("id").asText();
                TestHttp.Response filed = http.post(
                        customerToken,
                        "/api/v1/portal/tickets",
                        "{\"subject\":\"Crash window\",\"description\":\"Sent, then killed before marked sent\","
                                + "\"category\":\"technical\",\"priority\":\"high\"}");
                assertThat(filed.status()).as(filed.body()).isEqualTo(201);
                ticket = filed.json().get("id").asText();
                assertThat(receiver.firstArrived.await(120, TimeUnit.SECONDS))
                        .as("the first attempt reached the receiver:\n" + first.logTail())
                        .isTrue();
            } finally {
                first.kill(); // SIGKILL while the receiver still holds its answer: sent, never marked sent
                killedAt = System.nanoTime();
                receiver.releaseFirst.countDown();
            }
            Row afterKill = deliveryRow(cast.admin());
            assertThat(afterKill.state()).as("not marked sent").isIn("pending", "failed");
            assertThat(afterKill.attempts()).isEqualTo(1);

            ServerProcess second = ServerProcess.start(environment(), port, log);
            long restarted = System.nanoTime();
            try {
                ChildServerRig.await(
                        "the redelivery", 120, () -> receiver.requests().size() >= 2, second);
                long redeliveredAt = receiver.requests().get(1).arrivedNanos();
                ChildServerRig.await(
                        "the redelivery marked sent",
                        60,
                        () -> "sent".equals(deliveryRow(cast.admin()).state()),
                        second);
                Thread.sleep(1_000); // any further (wrong) attempt would arrive now

                List<Request> got = receiver.requests();
                assertThat(got).hasSize(2);
                assertThat(got.get(1).headers().get("webhook-id"))
                        .startsWith("msg_")
                        .isEqualTo(got.get(0).headers().get("webhook-id"));
                for (Request request : got) {
                    assertThat(verifies(secret, request)).isTrue();
                    JsonNode body = JSON.readTree(request.body());
                    assertThat(body.get("type").asText()).isEqualTo("ticket_created");
                    assertThat(body.path("data").path("ticket").path("id").asText())
                            .isEqualTo(ticket);
                }
                long afterDedupe = got.stream()
                        .map(r -> r.headers().get("webhook-id"))
                        .distinct()
                        .count();
                assertThat(afterDedupe).isEqualTo(1);
                Row sent = deliveryRow(cast.admin());
                assertThat(sent.attempts()).isEqualTo(2);
                TestHttp.Response logged =
                        new TestHttp(port).get(adminToken, "/api/v1/webhooks/" + hookId + "/deliveries");
                assertThat(logged.status()).isEqualTo(200);
                assertThat(logged.json().get("items").get(0).get("dedup_key").asText())
                        .isEqualTo(got.get(0).headers().get("webhook-id"));
                System.out.printf(
                        "S14 crash window: server killed (SIGKILL) after the send, before mark-sent; row left %s with"
                                + " %d attempt; redelivered %d ms after the restart (%d ms after the kill, the lease"
                                + " being %d s); %d requests at the receiver, %d distinct webhook-id, both signatures"
                                + " verify, %d delivery after dedupe, row sent after %d attempts%n",
                        afterKill.state(),
                        afterKill.attempts(),
                        (redeliveredAt - restarted) / 1_000_000,
                        (redeliveredAt - killedAt) / 1_000_000,
                        NotifySettings.leaseFor(java.time.Duration.ofSeconds(WEBHOOK_TIMEOUT_SECONDS))
                                .toSeconds(),
                        got.size(),
                        afterDedupe,
                        afterDedupe,
                        sent.attempts());
            } finally {
                second.close();
            }
        }
    }

    private static final int WEBHOOK_TIMEOUT_SECONDS = 5;

    private static Map<String, String> environment() {
        return rig.environment(Map.of(
                NotifySettings.ALLOW_PRIVATE_TARGETS,
                "true",
                NotifySettings.WEBHOOK_TIMEOUT,
                String.valueOf(WEBHOOK_TIMEOUT_SECONDS),
                NotifySettings.POLL_MILLIS,
                "100"));
    }

    /** The tenant's one delivery as stored, read past row-level security. */
    private record Row(String state, int attempts) {}

    private static Row deliveryRow(StaffActor admin) {
        try (Connection superuser = cluster.superuserConnection("supportdesk");
                PreparedStatement query = superuser.prepareStatement(
                        "SELECT state, attempts FROM outbox_deliveries WHERE tenant_id = ?")) {
            query.setObject(1, admin.tenant().value());
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a delivery row").isTrue();
                Row row = new Row(rows.getString(1), rows.getInt(2));
                assertThat(rows.next()).as("one delivery row").isFalse();
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the delivery", e);
        }
    }

    /** Standard Webhooks verification, written here apart from the server's code. */
    private static boolean verifies(String secret, Request request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = request.headers().get("webhook-id") + "."
                + request.headers().get("webhook-timestamp") + "." + request.body();
        String expected =
                "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(request.headers().get("webhook-signature").split(" ")).contains(expected);
    }

    private record Request(Map<String, String> headers, String body, long arrivedNanos) {}

    /** Answers 200 to every request, but the first only once {@link #releaseFirst} is counted down. */
    private static final class HoldingReceiver implements AutoCloseable {
        final CountDownLatch firstArrived = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        private final List<Request> requests = new ArrayList<>();
        private final HttpServer server;

        HoldingReceiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                long arrived = System.nanoTime();
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                boolean first;
                synchronized (requests) {
                    requests.add(new Request(headers, body, arrived));
                    first = requests.size() == 1;
                }
                if (first) {
                    firstArrived.countDown();
                    try {
                        releaseFirst.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                try {
                    exchange.sendResponseHeaders(200, -1);
                } catch (IOException goneWithTheKilledServer) {
                    // the dispatcher that sent it is dead; nobody reads this answer
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/crash";
        }

        List<Request> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        @Override
        public void close() {
            releaseFirst.countDown();
            server.stop(0);
        }
    }
}
