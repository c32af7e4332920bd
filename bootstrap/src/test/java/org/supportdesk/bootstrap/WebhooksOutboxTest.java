package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The outbox dispatcher and webhooks (§13, seed 003, S14) against the whole server on a real PostgreSQL, with real JDK
 * {@code HttpServer} receivers on 127.0.0.1 (private targets allowed, as a test must): signed bodies verified by an
 * independent HMAC, retries after 500s and a 10 s stall (2 s client timeout), parking and the admin's retry, 1,000
 * rolled-back changes, and two server instances dispatching from one database. A receiver down then back and a
 * stalling one are {@link WebhookPeerFaultsTest}'s, a dispatcher killed mid-delivery {@link WebhookCrashWindowTest}'s.
 * Figures are printed, never asserted against the clock.
 */
@Timeout(600)
class WebhooksOutboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "webhooks-outbox-secret-that-is-long-enough";
    private static LocalPostgres cluster;
    private static Supportdesk desk;
    private static TestHttp http;
    private static String admin;
    private static String customer;
    private static TenantId acme;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path secondDataDir;

    static Map<String, String> settings(Path data) {
        Map<String, String> env = new HashMap<>();
        env.put(Config.DB_URL, cluster.jdbcUrl());
        env.put(Config.DB_USER, cluster.user());
        env.put(Config.DB_PASSWORD, cluster.password());
        env.put(Config.HOST, "127.0.0.1");
        env.put(Config.PORT, "0");
        env.put(Config.JWT_SECRET, SECRET);
        env.put(Config.DATA_DIR, data.toString());
        env.put(NotifySettings.SECRETS_KEY, "a-shared-secrets-key-for-both-instances");
        env.put(NotifySettings.ALLOW_PRIVATE_TARGETS, "true");
        env.put(NotifySettings.WEBHOOK_TIMEOUT, "2");
        env.put(NotifySettings.POLL_MILLIS, "100");
        env.put(NotifySettings.MAX_ATTEMPTS, "3");
        env.put(NotifySettings.BACKOFF_MILLIS, "200");
        return env;
    }

    @BeforeAll
    static void start() {
        cluster = LocalPostgres.startThrowaway();
        desk = Supportdesk.start(Config.from(settings(dataDir), Optional.empty()));
        http = new TestHttp(desk.port());
        StaffActor boss = Onboarding.tenant(desk.useCases(), "acme", "boss@acme.example", "boss-password");
        acme = boss.tenant();
        Onboarding.person(
                desk.useCases(), boss, "carla@acme.example", "Carla", Role.CUSTOMER, Optional.of("carla-password"));
        admin = signIn("boss@acme.example", "boss-password");
        customer = signIn("carla@acme.example", "carla-password");
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String signIn(String email, String password) {
        TestHttp.Response login = http.post(
                null,
                "/api/v1/auth/login",
                "{\"tenant\":\"acme\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("token").asText();
    }

    /** Subscribes {@code url}; answers {id, secret}. */
    private static JsonNode subscribe(String url, String events) {
        TestHttp.Response created = http.post(
                admin,
                "/api/v1/webhooks",
                "{\"url\":\"" + url + "\",\"events\":" + events + ",\"description\":\"test\"}");
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

    /** Standard Webhooks verification, written here apart from the server's code. */
    private static boolean verifies(String secret, WebhookReceiver.Received request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = request.headers().get("webhook-id") + "."
                + request.headers().get("webhook-timestamp") + "." + request.body();
        String expected =
                "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return Set.of(request.headers().get("webhook-signature").split(" ")).contains(expected);
    }

    private static List<String> ticketIdsIn(List<WebhookReceiver.Received> requests) throws Exception {
        List<String> ids = new ArrayList<>();
        for (WebhookReceiver.Received r : requests) {
            ids.add(JSON.readTree(r.body())
                    .path("data")
                    .path("ticket")
                    .path("id")
                    .asText());
        }
        return ids;
    }

    @Test
    void a_delivery_is_signed_shaped_and_verifiable_and_the_secret_is_shown_once() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode hook = subscribe(receiver.url("/signed"), "[\"ticket_created\"]");
            String secret = hook.get("secret").asText();
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
            TestHttp.Response read =
                    http.get(admin, "/api/v1/webhooks/" + hook.get("id").asText());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body()).doesNotContain(secret).doesNotContain("secret");
            assertThat(http.get(admin, "/api/v1/webhooks").body()).doesNotContain(secret);

            String ticket = fileTicket("Signed delivery");
            await("the delivery", 30, () -> !receiver.receivedAt("/signed").isEmpty());
            WebhookReceiver.Received got = receiver.receivedAt("/signed").get(0);
            assertThat(verifies(secret, got)).isTrue();
            assertThat(got.headers().get("webhook-id")).startsWith("msg_");
            assertThat(Long.parseLong(got.headers().get("webhook-timestamp")))
                    .isBetween(
                            Instant.now().minusSeconds(300).getEpochSecond(),
                            Instant.now().plusSeconds(5).getEpochSecond());
            JsonNode body = JSON.readTree(got.body());
            assertThat(body.get("type").asText()).isEqualTo("ticket_created");
            assertThat(body.get("tenant").asText()).isEqualTo(acme.value().toString());
            assertThat(body.has("created_at")).isTrue();
            assertThat(body.path("data").path("ticket").path("id").asText()).isEqualTo(ticket);
            assertThat(body.path("data").path("ticket").path("subject").asText())
                    .isEqualTo("Signed delivery");
            // An internal note is never a webhook event: only message_added subscribers would hear a message at all.
            TestHttp.Response log =
                    http.get(admin, "/api/v1/webhooks/" + hook.get("id").asText() + "/deliveries");
            assertThat(log.status()).isEqualTo(200);
            JsonNode first = log.json().get("items").get(0);
            assertThat(first.get("state").asText()).isEqualTo("sent");
            assertThat(first.get("last_status_code").asInt()).isEqualTo(200);
            assertThat(first.get("attempts").asInt()).isEqualTo(1);
            assertThat(first.get("dedup_key").asText()).isEqualTo(got.headers().get("webhook-id"));
            System.out.printf(
                    "S14 signed delivery (HMAC verified independently): %d ms at the receiver's answer%n",
                    first.get("last_duration_ms").asLong());
        }
    }

    @Test
    void an_internal_note_never_reaches_a_webhook_but_a_public_reply_does() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiver.url("/messages"), "[\"message_added\"]");
            String ticket = fileTicket("Notes stay inside");
            String marker = "INTERNAL-" + UUID.randomUUID();
            for (int i = 0; i < 20; i++) {
                TestHttp.Response note = http.post(
                        admin,
                        "/api/v1/tickets/" + ticket + "/messages",
                        "{\"kind\":\"internal\",\"body\":\"" + marker + " " + i + "\"}");
                assertThat(note.status()).as(note.body()).isEqualTo(201);
            }
            TestHttp.Response reply = http.post(
                    admin,
                    "/api/v1/tickets/" + ticket + "/messages",
                    "{\"kind\":\"public\",\"body\":\"Public answer\"}");
            assertThat(reply.status()).isEqualTo(201);
            await("the public reply's delivery", 30, () -> !receiver.receivedAt("/messages")
                    .isEmpty());
            // let any (wrong) note deliveries arrive too
            Thread.sleep(1_500);
            List<WebhookReceiver.Received> got = receiver.receivedAt("/messages");
            assertThat(got).hasSize(1);
            assertThat(got.get(0).body()).doesNotContain(marker).doesNotContain("Public answer");
            assertThat(JSON.readTree(got.get(0).body())
                            .path("data")
                            .path("message")
                            .path("author_role")
                            .asText())
                    .isEqualTo("staff");
            System.out.printf(
                    "internal notes: 20 posted, %d webhook deliveries carried one%n",
                    got.stream().filter(r -> r.body().contains(marker)).count());
        }
    }

    @Test
    void retries_after_500s_and_a_stall_then_parks_and_the_admin_retry_delivers() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode hook = subscribe(receiver.url("/flaky"), "[\"*\"]");
            String secret = hook.get("secret").asText();
            // 500, then a 10 s stall (the client gives up after 2 s), then 200.
            receiver.mode(WebhookReceiver.Mode.FAIL_500);
            fileTicket("Flaky receiver");
            await(
                    "the first failed attempt",
                    30,
                    () -> receiver.receivedAt("/flaky").size() >= 1);
            receiver.mode(WebhookReceiver.Mode.STALL_10_S);
            await("the stalled attempt", 30, () -> receiver.receivedAt("/flaky").size() >= 2);
            receiver.mode(WebhookReceiver.Mode.OK);
            await("the third attempt", 30, () -> receiver.receivedAt("/flaky").size() >= 3);
            String hookId = hook.get("id").asText();
            await(
                    "the delivery marked sent",
                    30,
                    () -> http.get(admin, "/api/v1/webhooks/" + hookId + "/deliveries?state=sent")
                                    .json()
                                    .get("items")
                                    .size()
                            == 1);
            List<WebhookReceiver.Received> attempts = receiver.receivedAt("/flaky");
            assertThat(attempts.stream().map(r -> r.headers().get("webhook-id")).distinct())
                    .hasSize(1);
            for (WebhookReceiver.Received attempt : attempts) {
                assertThat(verifies(secret, attempt)).isTrue();
            }
            JsonNode sent = http.get(admin, "/api/v1/webhooks/" + hookId + "/deliveries")
                    .json()
                    .get("items")
                    .get(0);
            assertThat(sent.get("attempts").asInt()).isEqualTo(3);
            System.out.printf(
                    "S14 500 then stall then 200: %d attempts, one webhook-id, last took %d ms%n",
                    attempts.size(), sent.get("last_duration_ms").asLong());

            // Always 500: parked after 3 attempts, visible to admins, and the admin's retry delivers it.
            receiver.mode(WebhookReceiver.Mode.FAIL_500);
            String ticket = fileTicket("Always failing");
            // Subscriptions of earlier tests whose receivers are gone park deliveries too: this one's log finds ours.
            String parkedOfHook = "/api/v1/webhooks/" + hookId + "/deliveries?state=parked";
            await(
                    "the delivery parked",
                    60,
                    () -> http.get(admin, parkedOfHook).json().get("items").size() >= 1);
            JsonNode parked = http.get(admin, parkedOfHook).json().get("items").get(0);
            TestHttp.Response outbox = http.get(admin, "/api/v1/outbox?state=parked&limit=100");
            assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
            List<String> parkedIds = new ArrayList<>();
            outbox.json()
                    .get("items")
                    .forEach(item -> parkedIds.add(item.get("id").asText()));
            assertThat(parkedIds)
                    .as("the admins' outbox view shows it")
                    .contains(parked.get("id").asText());
            assertThat(parked.get("attempts").asInt()).isEqualTo(3);
            assertThat(parked.get("last_status_code").asInt()).isEqualTo(500);
            assertThat(parked.get("next_attempt_at").isNull()).isTrue();
            String parkedKey = parked.get("dedup_key").asText();
            receiver.mode(WebhookReceiver.Mode.OK);
            int before = receiver.receivedAt("/flaky").size();
            TestHttp.Response retried =
                    http.post(admin, "/api/v1/outbox/" + parked.get("id").asText() + "/retry", null);
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            await(
                    "the retried delivery",
                    30,
                    () -> receiver.receivedAt("/flaky").size() > before);
            WebhookReceiver.Received redelivered = receiver.receivedAt("/flaky").get(before);
            assertThat(redelivered.headers().get("webhook-id")).isEqualTo(parkedKey);
            assertThat(ticketIdsIn(List.of(redelivered))).containsExactly(ticket);
            await(
                    "the retried delivery marked sent",
                    30,
                    () -> http.get(admin, parkedOfHook).json().get("items").size() == 0);
            TestHttp.Response again =
                    http.post(admin, "/api/v1/outbox/" + parked.get("id").asText() + "/retry", null);
            assertThat(again.status()).isEqualTo(409);
            System.out.printf(
                    "S14 parking: parked after %d attempts (last answer %d), listed to admins, the admin's retry"
                            + " delivered it with the same webhook-id; a second retry answers %d%n",
                    parked.get("attempts").asInt(),
                    parked.get("last_status_code").asInt(),
                    again.status());
        }
    }

    @Test
    void a_thousand_rolled_back_changes_deliver_nothing() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiver.url("/phantoms"), "[\"*\"]");
            TicketId ticket = new TicketId(UUID.fromString(fileTicket("Rollbacks")));
            await(
                    "the filing's own delivery",
                    30,
                    () -> receiver.receivedAt("/phantoms").size() == 1);
            int rolledBack = 0;
            for (int i = 0; i < 1_000; i++) {
                int n = i;
                try {
                    desk.stores().transactions().inTransaction(acme, () -> {
                        desk.stores()
                                .outbox()
                                .enqueue(new NotificationIntent(
                                        UUID.randomUUID(),
                                        acme,
                                        NotificationTopic.STATUS_CHANGED,
                                        ticket,
                                        Set.of(Audience.REQUESTER, Audience.WEBHOOKS),
                                        "phantom-" + n,
                                        Instant.now().truncatedTo(ChronoUnit.MICROS)));
                        throw new RolledBack();
                    });
                } catch (RolledBack expected) {
                    rolledBack++;
                }
            }
            // A committed change after them: once it arrives, every earlier one would have too.
            TestHttp.Response status =
                    http.send(admin, "PATCH", "/api/v1/tickets/" + ticket.value(), "{\"status\":\"in_progress\"}");
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            await(
                    "the committed change",
                    30,
                    () -> receiver.receivedAt("/phantoms").size() >= 2);
            Thread.sleep(1_000);
            List<String> types = new ArrayList<>();
            for (WebhookReceiver.Received r : receiver.receivedAt("/phantoms")) {
                types.add(JSON.readTree(r.body()).get("type").asText());
            }
            assertThat(types).containsExactly("ticket_created", "status_changed");
            System.out.printf(
                    "S14 rollbacks: %d changes rolled back after their outbox insert, %d phantom deliveries%n",
                    rolledBack, types.size() - 2);
        }
    }

    @Test
    void two_server_instances_on_one_database_send_each_delivery_once() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                Supportdesk second = Supportdesk.start(Config.from(settings(secondDataDir), Optional.empty()))) {
            subscribe(receiver.url("/twice"), "[\"ticket_created\"]");
            List<String> filed = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                filed.add(fileTicket("Two dispatchers " + i));
            }
            await("every delivery", 120, () -> {
                try {
                    return Set.copyOf(ticketIdsIn(receiver.receivedAt("/twice")))
                            .containsAll(filed);
                } catch (Exception e) {
                    return false;
                }
            });
            Thread.sleep(1_000);
            List<WebhookReceiver.Received> got = receiver.receivedAt("/twice");
            Map<String, Long> perId = got.stream()
                    .collect(Collectors.groupingBy(r -> r.headers().get("webhook-id"), Collectors.counting()));
            assertThat(perId).hasSize(100);
            assertThat(perId.values()).allMatch(count -> count == 1);
            System.out.printf(
                    "S14 two instances (2 workers each): %d events, %d requests at the receiver, max %d per"
                            + " webhook-id%n",
                    filed.size(),
                    got.size(),
                    perId.values().stream().max(Long::compare).orElse(0L));
        }
    }

    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("forced rollback");
        }
    }
}
