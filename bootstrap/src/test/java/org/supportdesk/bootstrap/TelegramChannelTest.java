package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The Telegram channel (seed 002, §13, §14) against the whole server on a real PostgreSQL, with a fake Bot API on
 * 127.0.0.1 ({@link FakeBotApi}) that records every call and answers as each test says: configuring a bot registers the
 * tenant's webhook with a fresh secret and never shows the token; a token Telegram refuses, or no Telegram at all,
 * stores nothing; chat messages become a ticket, then replies on it, then a new ticket once it is closed, each update
 * once; a wrong, missing or other tenant's secret is 401 and changes nothing; staff public replies go back to the chat
 * (retried after 500s and stalls, parked on 403 and retried by an admin), internal notes never do, and Telegram being
 * down never fails the staff reply. Every response is checked against docs/api/openapi.yaml by {@link TestHttp}.
 * Waiting is bounded; nothing is asserted against the clock.
 */
@Timeout(600)
class TelegramChannelTest {
    private static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final String PUBLIC_URL = "https://desk.example";
    private static final String ACME_TOKEN = "111111:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String GLOBEX_TOKEN = "222222:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String UMBRELLA_TOKEN = "333333:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";
    private static final String INITECH_TOKEN = "444444:DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD";
    private static final AtomicLong UPDATES = new AtomicLong(10_000);
    private static final AtomicLong MESSAGES = new AtomicLong(1);

    private static FakeBotApi telegram;
    private static ApiServer server;
    private static TestHttp http;
    private static TenantId acme;
    private static TenantId globex;
    private static String acmeAdmin;
    private static String initechAdmin;
    private static String umbrellaAdmin;
    private static StaffActor acmeBoss;
    private static JsonNode acmeSettings;
    private static String acmeSecret;
    private static String globexSecret;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi();
        List.of(ACME_TOKEN, GLOBEX_TOKEN, UMBRELLA_TOKEN, INITECH_TOKEN).forEach(telegram::knowToken);
        Map<String, String> settings = new HashMap<>();
        settings.put(ChannelSettings.TELEGRAM_API_URL, telegram.url());
        settings.put(ChannelSettings.PUBLIC_URL, PUBLIC_URL);
        settings.put(NotifySettings.SECRETS_KEY, "a-telegram-test-secrets-key-long-enough");
        settings.put(NotifySettings.WEBHOOK_TIMEOUT, "2");
        settings.put(NotifySettings.POLL_MILLIS, "100");
        settings.put(NotifySettings.MAX_ATTEMPTS, "6");
        settings.put(NotifySettings.BACKOFF_MILLIS, "200");
        // A thousand notes from one admin must not be answered by the rate limits first.
        for (String limit :
                List.of(Config.RATE_LIMIT_PER_PERSON, Config.RATE_LIMIT_PER_TENANT, Config.RATE_LIMIT_PER_ADDRESS)) {
            settings.put(limit, "1000000");
        }
        server = ApiServer.start(dataDir, settings);
        http = server.http;
        acmeBoss = Onboarding.tenant(server.desk.useCases(), "acme", "boss@acme.example", "boss-password");
        acme = acmeBoss.tenant();
        globex = Onboarding.tenant(server.desk.useCases(), "globex", "boss@globex.example", "boss-password")
                .tenant();
        Onboarding.tenant(server.desk.useCases(), "initech", "boss@initech.example", "boss-password");
        Onboarding.tenant(server.desk.useCases(), "umbrella", "boss@umbrella.example", "boss-password");
        acmeAdmin = server.signIn("acme", "boss@acme.example", "boss-password");
        initechAdmin = server.signIn("initech", "boss@initech.example", "boss-password");
        umbrellaAdmin = server.signIn("umbrella", "boss@umbrella.example", "boss-password");
        String globexAdmin = server.signIn("globex", "boss@globex.example", "boss-password");

        TestHttp.Response configured = configure(acmeAdmin, ACME_TOKEN);
        assertThat(configured.status()).as(configured.body()).isEqualTo(200);
        acmeSettings = configured.json();
        acmeSecret = registeredSecret(ACME_TOKEN);
        assertThat(configure(globexAdmin, GLOBEX_TOKEN).status()).isEqualTo(200);
        globexSecret = registeredSecret(GLOBEX_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    private static TestHttp.Response configure(String admin, String token) {
        return http.send(admin, "PUT", "/api/v1/channels/telegram", "{\"bot_token\":\"" + token + "\"}");
    }

    /** The secret the server gave Telegram with the last {@code setWebhook} of {@code token}. */
    private static String registeredSecret(String token) {
        List<FakeBotApi.Call> calls = telegram.calls("setWebhook").stream()
                .filter(c -> c.token().equals(token))
                .toList();
        return calls.get(calls.size() - 1).body().path("secret_token").asText();
    }

    /** A new text message from Ivan Petrov (Russian Telegram) in the private chat {@code chatId}. */
    private static String message(long updateId, long chatId, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + MESSAGES.incrementAndGet()
                + ",\"date\":1767225600,\"chat\":{\"id\":" + chatId + ",\"type\":\"private\",\"first_name\":\"Ivan\"},"
                + "\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"Ivan\",\"last_name\":\"Petrov\","
                + "\"language_code\":\"ru\"},\"text\":" + quoted(text) + "}}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static TestHttp.Response inbound(TenantId tenant, String secret, String update) {
        return inbound(tenant.value().toString(), secret, update);
    }

    private static TestHttp.Response inbound(String tenant, String secret, String update) {
        Map<String, String> headers = secret == null ? Map.of() : Map.of(SECRET_HEADER, secret);
        return http.send(null, "POST", "/api/v1/inbound/telegram/" + tenant, update, headers);
    }

    /** Sends {@code text} from {@code chatId} to acme's bot as a new update; answers what came of it. */
    private static String write(long chatId, String text) {
        TestHttp.Response answer = inbound(acme, acmeSecret, message(UPDATES.incrementAndGet(), chatId, text));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("outcome").asText();
    }

    private static Optional<TicketId> latestTicketOf(long chatId) {
        var stores = server.desk.stores();
        return stores.transactions().inTransaction(acme, () -> stores.telegram().latestTicket(acme, chatId));
    }

    private static String ticketOf(long chatId) {
        return latestTicketOf(chatId).orElseThrow().value().toString();
    }

    private static long ticketCount() {
        TestHttp.Response list = http.get(acmeAdmin, "/api/v1/tickets?limit=1");
        assertThat(list.status()).isEqualTo(200);
        return list.json().path("pagination").path("total").asLong();
    }

    private static TestHttp.Response staffPost(String ticket, String kind, String body) {
        return http.post(
                acmeAdmin,
                "/api/v1/tickets/" + ticket + "/messages",
                "{\"kind\":\"" + kind + "\",\"body\":" + quoted(body) + "}");
    }

    /** Acme's outbox deliveries to the chat in {@code state}. */
    private static List<JsonNode> deliveriesTo(long chatId, String state) {
        TestHttp.Response page = http.get(acmeAdmin, "/api/v1/outbox?state=" + state + "&limit=100");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        page.json().get("items").forEach(item -> {
            if (item.get("channel").asText().equals("telegram")
                    && item.get("recipient").asText().equals(Long.toString(chatId))) {
                found.add(item);
            }
        });
        return found;
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void configuring_registers_the_tenant_webhook_with_a_fresh_secret_and_never_shows_the_token() {
        String webhook = PUBLIC_URL + "/api/v1/inbound/telegram/" + acme.value();
        assertThat(acmeSettings.get("bot_username").asText()).isEqualTo("bot1111_help_bot");
        assertThat(acmeSettings.get("webhook_url").asText()).isEqualTo(webhook);
        assertThat(acmeSettings.has("configured_at")).isTrue();
        assertThat(acmeSettings.toString()).doesNotContain(ACME_TOKEN).doesNotContain("AAAAAAAAAA");

        FakeBotApi.Call registered = telegram.calls("setWebhook").stream()
                .filter(c -> c.token().equals(ACME_TOKEN))
                .findFirst()
                .orElseThrow();
        assertThat(registered.body().get("url").asText()).isEqualTo(webhook);
        assertThat(registered.body().get("allowed_updates").toString()).isEqualTo("[\"message\"]");
        assertThat(acmeSecret).matches("[A-Za-z0-9_-]{32,256}");
        assertThat(globexSecret).isNotEqualTo(acmeSecret);
        assertThat(telegram.calls("getMe").stream().anyMatch(c -> c.token().equals(ACME_TOKEN)))
                .isTrue();

        TestHttp.Response shown = http.get(acmeAdmin, "/api/v1/channels/telegram");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("webhook_url").asText()).isEqualTo(webhook);
        assertThat(shown.body()).doesNotContain(ACME_TOKEN).doesNotContain(acmeSecret);

        TestHttp.Response journal = http.get(acmeAdmin, "/api/v1/audit-log?action=telegram_configured");
        assertThat(journal.status()).as(journal.body()).isEqualTo(200);
        assertThat(journal.json().get("items")).hasSize(1);
        assertThat(journal.body()).doesNotContain(ACME_TOKEN).doesNotContain(acmeSecret);
    }

    @Test
    void a_token_telegram_refuses_or_a_malformed_one_is_400_on_bot_token_and_stores_nothing() {
        String unknown = "555555:EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE";
        for (String token : List.of(unknown, "not-a-token", "555555:short")) {
            TestHttp.Response refused = configure(initechAdmin, token);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("bot_token");
            assertThat(refused.body()).doesNotContain("EEEEEEEEEE");
        }
        assertThat(http.get(initechAdmin, "/api/v1/channels/telegram").status()).isEqualTo(404);
        assertThat(telegram.calls("setWebhook").stream()
                        .noneMatch(c -> c.token().equals(unknown)))
                .isTrue();
    }

    @Test
    void no_answer_from_telegram_while_configuring_is_502_and_stores_nothing() {
        telegram.methodMode(FakeBotApi.Mode.FAIL_500);
        try {
            TestHttp.Response failed = configure(initechAdmin, INITECH_TOKEN);
            assertThat(failed.status()).as(failed.body()).isEqualTo(502);
            assertThat(failed.json().get("code").asText()).isEqualTo("BAD_GATEWAY");
            assertThat(failed.body()).doesNotContain(INITECH_TOKEN);
        } finally {
            telegram.methodMode(FakeBotApi.Mode.OK);
        }
        assertThat(http.get(initechAdmin, "/api/v1/channels/telegram").status()).isEqualTo(404);
    }

    @Test
    void a_first_message_files_a_ticket_for_the_chat_and_the_next_one_is_a_reply_on_it() {
        long chat = 5001;
        long before = ticketCount();
        assertThat(write(chat, "Не проходит оплата\nКарта списала деньги дважды"))
                .isEqualTo("filed");
        String ticket = ticketOf(chat);
        TestHttp.Response filed = http.get(acmeAdmin, "/api/v1/tickets/" + ticket);
        assertThat(filed.status()).isEqualTo(200);
        assertThat(filed.json().get("source").asText()).isEqualTo("telegram");
        assertThat(filed.json().get("subject").asText()).isEqualTo("Не проходит оплата");
        assertThat(filed.json().get("description").asText()).contains("дважды");
        assertThat(filed.json().get("requester").get("name").asText()).isEqualTo("Ivan Petrov");
        var stores = server.desk.stores();
        assertThat(stores.transactions().inTransaction(acme, () -> stores.telegram()
                        .chatOf(acme, new TicketId(UUID.fromString(ticket)))))
                .contains(chat);

        assertThat(write(chat, "Жду ответа")).isEqualTo("replied");
        assertThat(ticketOf(chat)).isEqualTo(ticket);
        TestHttp.Response messages = http.get(acmeAdmin, "/api/v1/tickets/" + ticket + "/messages");
        JsonNode reply = messages.json().get("items").get(0);
        assertThat(reply.get("body").asText()).isEqualTo("Жду ответа");
        assertThat(reply.get("via").asText()).isEqualTo("telegram");
        assertThat(reply.get("author").get("role").asText()).isEqualTo("customer");
        assertThat(ticketCount()).isEqualTo(before + 1);
    }

    @Test
    void once_the_chats_ticket_is_closed_its_next_message_files_a_new_ticket() {
        long chat = 5002;
        assertThat(write(chat, "First problem")).isEqualTo("filed");
        String first = ticketOf(chat);
        TestHttp.Response closed = http.send(acmeAdmin, "PATCH", "/api/v1/tickets/" + first, "{\"status\":\"closed\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        assertThat(write(chat, "Second problem")).isEqualTo("filed");
        String second = ticketOf(chat);
        assertThat(second).isNotEqualTo(first);
        assertThat(http.get(acmeAdmin, "/api/v1/tickets/" + second)
                        .json()
                        .get("subject")
                        .asText())
                .isEqualTo("Second problem");
        assertThat(write(chat, "More on the second")).isEqualTo("replied");
        assertThat(ticketOf(chat)).isEqualTo(second);
    }

    @Test
    void the_same_update_sent_twice_is_processed_once() {
        long chat = 5003;
        String update = message(UPDATES.incrementAndGet(), chat, "Sent twice by Telegram");
        long before = ticketCount();
        TestHttp.Response first = inbound(acme, acmeSecret, update);
        TestHttp.Response again = inbound(acme, acmeSecret, update);
        assertThat(first.json().get("outcome").asText()).isEqualTo("filed");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("duplicate");
        assertThat(ticketCount()).isEqualTo(before + 1);
        String ticket = ticketOf(chat);
        assertThat(http.get(acmeAdmin, "/api/v1/tickets/" + ticket + "/messages")
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void a_wrong_missing_or_other_tenants_secret_is_401_and_changes_nothing() {
        long chat = 5004;
        String update = message(UPDATES.incrementAndGet(), chat, "Let me in");
        long before = ticketCount();
        List<TestHttp.Response> refused = List.of(
                inbound(acme, "wrong-secret", update),
                inbound(acme, acmeSecret.substring(1), update),
                inbound(acme, null, update),
                inbound(acme, "", update),
                inbound(acme, globexSecret, update),
                inbound(globex, acmeSecret, update),
                inbound(UUID.randomUUID().toString(), acmeSecret, update),
                inbound("acme", acmeSecret, update),
                inbound(acme, "wrong-secret", "{not json"));
        for (TestHttp.Response answer : refused) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        }
        assertThat(ticketCount()).isEqualTo(before);
        assertThat(latestTicketOf(chat)).isEmpty();
        // The update was not taken by any of those: with the right secret it files its ticket.
        assertThat(inbound(acme, acmeSecret, update).json().get("outcome").asText())
                .isEqualTo("filed");
    }

    @Test
    void updates_supportdesk_does_not_take_are_answered_200_and_change_nothing() {
        long chat = 5005;
        String from = "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Ivan\"}";
        String privateChat = "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}";
        List<String> unsupported = List.of(
                "{\"update_id\":%d,\"edited_message\":{\"message_id\":1,\"date\":1," + privateChat + "," + from
                        + ",\"text\":\"edited\"}}",
                "{\"update_id\":%d,\"message\":{\"message_id\":2,\"date\":1,\"chat\":{\"id\":-100123,\"type\":\"group\"},"
                        + from + ",\"text\":\"in a group\"}}",
                "{\"update_id\":%d,\"message\":{\"message_id\":3,\"date\":1," + privateChat + ",\"from\":{\"id\":"
                        + chat + ",\"is_bot\":true,\"first_name\":\"Other bot\"},\"text\":\"from a bot\"}}",
                "{\"update_id\":%d,\"message\":{\"message_id\":4,\"date\":1," + privateChat + "," + from
                        + ",\"sticker\":{\"file_id\":\"x\"}}}",
                "{\"update_id\":%d,\"message\":{\"message_id\":5,\"date\":1," + privateChat + "," + from
                        + ",\"text\":\"   \"}}",
                "{\"update_id\":%d,\"channel_post\":{\"message_id\":6,\"date\":1,\"chat\":{\"id\":-1001,"
                        + "\"type\":\"channel\"},\"text\":\"news\"}}",
                "{\"update_id\":%d,\"my_chat_member\":{}}");
        long before = ticketCount();
        for (String template : unsupported) {
            TestHttp.Response answer = inbound(acme, acmeSecret, template.formatted(UPDATES.incrementAndGet()));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("outcome").asText()).isEqualTo("ignored");
        }
        assertThat(ticketCount()).isEqualTo(before);
        assertThat(latestTicketOf(chat)).isEmpty();

        String captioned = "{\"update_id\":" + UPDATES.incrementAndGet() + ",\"message\":{\"message_id\":7,\"date\":1,"
                + privateChat + "," + from
                + ",\"photo\":[{\"file_id\":\"p\"}],\"caption\":\"Screenshot of the error\"}}";
        assertThat(inbound(acme, acmeSecret, captioned).json().get("outcome").asText())
                .isEqualTo("filed");
        // What people type is cleaned, not refused: a refused update would come back again and again.
        long controlled = 5006;
        assertThat(inbound(
                                acme,
                                acmeSecret,
                                message(UPDATES.incrementAndGet(), controlled, "Bell@BEL@ rings@NUL@")
                                        .replace("@BEL@", "\\u0007")
                                        .replace("@NUL@", "\\u0000"))
                        .json()
                        .get("outcome")
                        .asText())
                .isEqualTo("filed");
        assertThat(http.get(acmeAdmin, "/api/v1/tickets/" + ticketOf(controlled))
                        .json()
                        .get("description")
                        .asText())
                .isEqualTo("Bell rings");
        TestHttp.Response malformed = inbound(acme, acmeSecret, "{\"update_id\":\"x\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("update_id");
    }

    @Test
    void a_staff_public_reply_goes_to_the_chat_once_with_the_text_and_the_portal_link() {
        long chat = 5010;
        write(chat, "Где мой заказ?");
        String ticket = ticketOf(chat);
        String number = http.get(acmeAdmin, "/api/v1/tickets/" + ticket)
                .json()
                .get("number")
                .asText();
        assertThat(staffPost(ticket, "public", "Заказ уже в пути").status()).isEqualTo(201);

        await("the reply marked sent", () -> deliveriesTo(chat, "sent").size() == 1);
        List<FakeBotApi.Call> sent = telegram.sent(chat);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).token()).isEqualTo(ACME_TOKEN);
        String text = sent.get(0).body().get("text").asText();
        assertThat(text)
                .startsWith("📨 Новое сообщение по тикету " + number)
                .contains("Заказ уже в пути")
                .contains("Вы можете ответить, отправив сообщение в этот чат.")
                .contains(PUBLIC_URL + "/tickets/" + ticket);
        assertThat(sent.get(0).body().has("parse_mode")).isFalse();
        assertThat(deliveriesTo(chat, "sent").get(0).get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void internal_notes_never_reach_telegram() {
        long chat = 5011;
        write(chat, "A question for the notes test");
        String ticket = ticketOf(chat);
        // Assigned, so every note owes the assignee a notification: the notes are in the outbox, just not for Telegram.
        TestHttp.Response assigned = http.send(
                acmeAdmin,
                "PATCH",
                "/api/v1/tickets/" + ticket,
                "{\"assignee_id\":\"" + acmeBoss.id().value() + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        String marker = "INTERNAL-" + UUID.randomUUID();
        for (int i = 0; i < 1_000; i++) {
            assertThat(staffPost(ticket, "internal", marker + " " + i).status()).isEqualTo(201);
        }
        assertThat(staffPost(ticket, "public", "The only public answer").status())
                .isEqualTo(201);

        await("the public answer marked sent", () -> deliveriesTo(chat, "sent").size() == 1);
        List<FakeBotApi.Call> sent = telegram.sent(chat);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body().get("text").asText())
                .contains("The only public answer")
                .doesNotContain(marker);
        long carryingANote = telegram.calls().stream()
                .filter(c -> c.body().toString().contains(marker))
                .count();
        System.out.printf("internal notes: 1000 posted, %d Telegram calls carried one%n", carryingANote);
        assertThat(carryingANote).isZero();
    }

    @Test
    void a_500_and_a_stall_are_retried_until_telegram_answers() {
        long chat = 5020;
        write(chat, "Flaky Telegram");
        String ticket = ticketOf(chat);
        telegram.chatMode(chat, FakeBotApi.Mode.FAIL_500);
        assertThat(staffPost(ticket, "public", "Answer through a flaky Telegram")
                        .status())
                .isEqualTo(201);
        await("a first attempt", () -> telegram.sent(chat).size() >= 1);
        telegram.chatMode(chat, FakeBotApi.Mode.STALL_10_S);
        int beforeStall = telegram.sent(chat).size();
        await("a stalled attempt", () -> telegram.sent(chat).size() > beforeStall);
        telegram.chatMode(chat, FakeBotApi.Mode.OK);
        await("the reply marked sent", () -> deliveriesTo(chat, "sent").size() == 1);

        JsonNode delivered = deliveriesTo(chat, "sent").get(0);
        assertThat(delivered.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(telegram.sent(chat).stream()
                        .map(c -> c.body().get("text").asText())
                        .distinct())
                .hasSize(1);
    }

    @Test
    void a_403_parks_the_delivery_for_admins_and_their_retry_delivers_it() {
        long chat = 5030;
        write(chat, "Then I blocked the bot");
        String ticket = ticketOf(chat);
        telegram.chatMode(chat, FakeBotApi.Mode.FORBIDDEN_403);
        assertThat(staffPost(ticket, "public", "Answer to a blocked bot").status())
                .isEqualTo(201);
        await("the delivery parked", () -> deliveriesTo(chat, "parked").size() == 1);
        JsonNode parked = deliveriesTo(chat, "parked").get(0);
        assertThat(parked.get("attempts").asInt()).isEqualTo(1);
        assertThat(parked.get("last_status_code").asInt()).isEqualTo(403);
        assertThat(parked.get("last_error").asText()).contains("blocked");
        assertThat(parked.toString()).doesNotContain(ACME_TOKEN).doesNotContain("AAAAAAAAAA");
        assertThat(telegram.sent(chat)).hasSize(1);

        telegram.chatMode(chat, FakeBotApi.Mode.OK);
        TestHttp.Response retried =
                http.post(acmeAdmin, "/api/v1/outbox/" + parked.get("id").asText() + "/retry", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        await(
                "the retried delivery marked sent",
                () -> deliveriesTo(chat, "sent").size() == 1);
        assertThat(telegram.sent(chat)).hasSize(2);
        assertThat(deliveriesTo(chat, "sent").get(0).get("dedup_key").asText())
                .isEqualTo(parked.get("dedup_key").asText());
    }

    @Test
    void a_429_is_retried_rather_than_parked() {
        long chat = 5031;
        write(chat, "Busy Telegram");
        String ticket = ticketOf(chat);
        telegram.chatMode(chat, FakeBotApi.Mode.TOO_MANY_429);
        assertThat(staffPost(ticket, "public", "Answer while rate limited").status())
                .isEqualTo(201);
        await("a refused attempt", () -> telegram.sent(chat).size() >= 1);
        telegram.chatMode(chat, FakeBotApi.Mode.OK);
        await("the reply marked sent", () -> deliveriesTo(chat, "sent").size() == 1);
        assertThat(deliveriesTo(chat, "parked")).isEmpty();
    }

    @Test
    void telegram_down_never_fails_the_staff_reply() {
        long chat = 5040;
        write(chat, "Is anyone there?");
        String ticket = ticketOf(chat);
        telegram.chatMode(chat, FakeBotApi.Mode.STALL_10_S);
        for (int i = 0; i < 3; i++) {
            TestHttp.Response reply = staffPost(ticket, "public", "Answer " + i + " while Telegram stalls");
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        }
        telegram.chatMode(chat, FakeBotApi.Mode.FAIL_500);
        TestHttp.Response reply = staffPost(ticket, "public", "Answer while Telegram fails");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        telegram.chatMode(chat, FakeBotApi.Mode.OK);
        await("every answer marked sent", () -> deliveriesTo(chat, "sent").size() == 4);
    }

    @Test
    void removing_telegram_forgets_the_bot_deletes_its_webhook_and_refuses_its_updates() {
        assertThat(configure(umbrellaAdmin, UMBRELLA_TOKEN).status()).isEqualTo(200);
        String secret = registeredSecret(UMBRELLA_TOKEN);
        TenantId umbrella = new TenantId(UUID.fromString(http.get(umbrellaAdmin, "/api/v1/channels/telegram")
                .json()
                .get("webhook_url")
                .asText()
                .replaceAll(".*/", "")));
        assertThat(inbound(umbrella, secret, message(UPDATES.incrementAndGet(), 6001, "Before removal"))
                        .json()
                        .get("outcome")
                        .asText())
                .isEqualTo("filed");

        TestHttp.Response removed = http.send(umbrellaAdmin, "DELETE", "/api/v1/channels/telegram", null);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(telegram.calls("deleteWebhook").stream()
                        .anyMatch(c -> c.token().equals(UMBRELLA_TOKEN)))
                .isTrue();
        assertThat(http.get(umbrellaAdmin, "/api/v1/channels/telegram").status())
                .isEqualTo(404);
        assertThat(inbound(umbrella, secret, message(UPDATES.incrementAndGet(), 6001, "After removal"))
                        .status())
                .isEqualTo(401);
        assertThat(http.send(umbrellaAdmin, "DELETE", "/api/v1/channels/telegram", null)
                        .status())
                .isEqualTo(404);
    }
}
