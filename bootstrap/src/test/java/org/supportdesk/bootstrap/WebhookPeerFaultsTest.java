package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * S14's peer faults for webhooks, against the whole server on a real PostgreSQL and real JDK {@code HttpServer}
 * receivers on 127.0.0.1: a receiver that is down (connections refused) while events are committed gets every one of
 * them once it is back, each under one {@code webhook-id}; a receiver that stalls 10 s neither slows nor fails the
 * request that caused the event, and the stalled delivery is attempted again, with the same {@code webhook-id}, after
 * the client's 2 s timeout. Retries are many here (100) and their backoff capped at 5 s
 * ({@code SUPPORTDESK_OUTBOX_MAX_BACKOFF_SECONDS}), which bounds how long a receiver that comes back waits. Figures
 * are printed, never asserted against the clock; the waits below are only how long a test may hang.
 */
@Timeout(600)
class WebhookPeerFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiServer server;
    private static Supportdesk desk;
    private static TestHttp http;
    private static String admin;
    private static String customer;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        server = ApiServer.start(
                dataDir,
                Map.of(
                        NotifySettings.SECRETS_KEY, "a-secrets-key-for-the-peer-faults-test",
                        NotifySettings.ALLOW_PRIVATE_TARGETS, "true",
                        NotifySettings.WEBHOOK_TIMEOUT, "2",
                        NotifySettings.POLL_MILLIS, "100",
                        NotifySettings.MAX_ATTEMPTS, "100",
                        NotifySettings.BACKOFF_MILLIS, "200",
                        NotifySettings.MAX_BACKOFF_SECONDS, "5"));
        desk = server.desk;
        http = server.http;
        StaffActor boss = Onboarding.tenant(desk.useCases(), "acme", "boss@acme.example", "boss-password");
        server.person(boss, "acme", "Carla", Role.CUSTOMER);
        admin = server.signIn("acme", "boss@acme.example", "boss-password");
        customer = server.signIn("acme", "carla@acme.example", "carla-password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_receiver_down_then_back_gets_every_committed_event_once_per_webhook_id() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String hook = subscribe(receiver.url("/down")).get("id").asText();
            receiver.down();
            long down = System.nanoTime();
            List<String> filed = new ArrayList<>();
            long slowest = 0;
            for (int i = 0; i < 30; i++) {
                long start = System.nanoTime();
                filed.add(fileTicket("While down " + i));
                slowest = Math.max(slowest, millisSince(start));
            }
            // Down for a while: every delivery has failed at least twice before the receiver comes back.
            await("two failed attempts of every delivery", 120, () -> {
                JsonNode items = deliveries(hook, "failed");
                int twice = 0;
                for (JsonNode item : items) {
                    twice += item.get("attempts").asInt() >= 2 ? 1 : 0;
                }
                return twice == filed.size();
            });
            int attemptsWhileDown = 0;
            for (JsonNode item : deliveries(hook, "failed")) {
                attemptsWhileDown =
                        Math.max(attemptsWhileDown, item.get("attempts").asInt());
            }
            long downFor = millisSince(down);
            receiver.up();
            long back = System.nanoTime();
            await("every committed event", 120, () -> Set.copyOf(ticketIdsIn(receiver.receivedAt("/down")))
                    .containsAll(filed));
            long allDeliveredAfter = millisSince(back);

            List<WebhookReceiver.Received> got = receiver.receivedAt("/down");
            Map<String, Set<String>> idsPerTicket = new HashMap<>();
            long slowestAfterBack = 0;
            for (WebhookReceiver.Received r : got) {
                idsPerTicket
                        .computeIfAbsent(ticketIdsIn(List.of(r)).get(0), k -> new HashSet<>())
                        .add(r.headers().get("webhook-id"));
                slowestAfterBack = Math.max(slowestAfterBack, (r.arrivedNanos() - back) / 1_000_000);
            }
            assertThat(idsPerTicket.keySet()).containsExactlyInAnyOrderElementsOf(filed);
            assertThat(idsPerTicket.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
            await(
                    "every delivery marked sent",
                    60,
                    () -> deliveries(hook, "sent").size() == filed.size());
            assertThat(deliveries(hook, "parked")).isEmpty();
            System.out.printf(
                    "S14 receiver down: %d tickets filed (all 201, slowest %d ms) while down; down %d ms, up to %d"
                            + " attempts each; after it came back all %d delivered within %d ms (last arrival %d ms"
                            + " after); %d requests, %d distinct webhook-ids, 0 lost%n",
                    filed.size(),
                    slowest,
                    downFor,
                    attemptsWhileDown,
                    filed.size(),
                    allDeliveredAfter,
                    slowestAfterBack,
                    got.size(),
                    got.stream()
                            .map(r -> r.headers().get("webhook-id"))
                            .distinct()
                            .count());
        }
    }

    @Test
    void a_stalling_receiver_never_slows_the_request_and_is_retried_after_the_client_timeout() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String hook = subscribe(receiver.url("/stall")).get("id").asText();
            receiver.mode(WebhookReceiver.Mode.STALL_10_S);
            List<String> filed = new ArrayList<>();
            List<Long> filings = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                filed.add(fileTicket("While stalling " + i));
                filings.add(millisSince(start));
            }
            await("the first (stalled) attempt", 60, () -> !receiver.receivedAt("/stall")
                    .isEmpty());
            WebhookReceiver.Received stalled = receiver.receivedAt("/stall").get(0);
            String stalledId = stalled.headers().get("webhook-id");
            receiver.mode(WebhookReceiver.Mode.OK);
            await(
                    "the stalled delivery attempted again",
                    60,
                    () -> receiver.receivedAt("/stall").stream()
                                    .filter(r -> r.headers().get("webhook-id").equals(stalledId))
                                    .count()
                            >= 2);
            await("every event", 120, () -> Set.copyOf(ticketIdsIn(receiver.receivedAt("/stall")))
                    .containsAll(filed));
            await(
                    "every delivery marked sent",
                    60,
                    () -> deliveries(hook, "sent").size() == filed.size());

            List<WebhookReceiver.Received> sameId = receiver.receivedAt("/stall").stream()
                    .filter(r -> r.headers().get("webhook-id").equals(stalledId))
                    .toList();
            assertThat(ticketIdsIn(sameId).stream().distinct()).hasSize(1);
            JsonNode log = deliveries(hook, "sent");
            JsonNode stalledRow = null;
            for (JsonNode row : log) {
                if (row.get("dedup_key").asText().equals(stalledId)) {
                    stalledRow = row;
                }
            }
            assertThat(stalledRow).isNotNull();
            assertThat(stalledRow.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
            Map<String, Long> perId = receiver.receivedAt("/stall").stream()
                    .collect(Collectors.groupingBy(r -> r.headers().get("webhook-id"), Collectors.counting()));
            System.out.printf(
                    "S14 stalling receiver (stalls 10 s, client timeout 2 s): 10 filings all 201 in %s ms (slowest"
                            + " %d ms); the stalled delivery tried again %d ms after its first arrival, sent after %d"
                            + " attempts, one webhook-id; %d requests for %d events%n",
                    filings,
                    filings.stream().mapToLong(Long::longValue).max().orElse(0),
                    (sameId.get(1).arrivedNanos() - sameId.get(0).arrivedNanos()) / 1_000_000,
                    stalledRow.get("attempts").asInt(),
                    receiver.receivedAt("/stall").size(),
                    perId.size());
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static JsonNode subscribe(String url) {
        TestHttp.Response created = http.post(
                admin,
                "/api/v1/webhooks",
                "{\"url\":\"" + url + "\",\"events\":[\"ticket_created\"],\"description\":\"peer faults\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String fileTicket(String subject) {
        TestHttp.Response filed = http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + subject + "\",\"description\":\"Details of " + subject
                        + "\",\"category\":\"technical\",\"priority\":\"high\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    /** The subscription's delivery log in one state (up to 100 rows). */
    private static JsonNode deliveries(String hook, String state) {
        TestHttp.Response log =
                http.get(admin, "/api/v1/webhooks/" + hook + "/deliveries?state=" + state + "&limit=100");
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return log.json().get("items");
    }

    private static List<String> ticketIdsIn(List<WebhookReceiver.Received> requests) {
        List<String> ids = new ArrayList<>();
        for (WebhookReceiver.Received r : requests) {
            try {
                ids.add(JSON.readTree(r.body())
                        .path("data")
                        .path("ticket")
                        .path("id")
                        .asText());
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + r.body(), e);
            }
        }
        return ids;
    }

    private static void await(String what, int seconds, BooleanSupplier done) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
