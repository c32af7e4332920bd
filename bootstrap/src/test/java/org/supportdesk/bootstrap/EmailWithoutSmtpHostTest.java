package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.bootstrap.SmtpCatcher.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Without {@code SUPPORTDESK_SMTP_HOST} email is no channel (docs/notifications.md "Email"): changes that would mail
 * people make no email delivery at all. A webhook subscribed to every event shows when the dispatcher has handed the
 * changes to the channels (it makes every channel's deliveries of an intent in one transaction).
 */
@Timeout(300)
class EmailWithoutSmtpHostTest {
    private static WebhookReceiver receiver;
    private static ApiServer server;
    private static TestHttp http;
    private static String boss;
    private static String carla;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        server = ApiServer.start(
                dataDir, Map.of(NotifySettings.ALLOW_PRIVATE_TARGETS, "true", NotifySettings.POLL_MILLIS, "50"));
        http = server.http;
        StaffActor admin = Onboarding.tenant(server.desk.useCases(), "acme", "boss@acme.example", "boss-password");
        boss = server.signIn("acme", "boss@acme.example", "boss-password");
        server.person(admin, "acme", "Agnes", Role.AGENT);
        server.person(admin, "acme", "Carla", Role.CUSTOMER);
        carla = server.signIn("acme", "carla@acme.example", "carla-password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void changes_that_would_mail_people_queue_nothing_for_email() {
        TestHttp.Response subscribed = http.post(
                boss,
                "/api/v1/webhooks",
                "{\"url\":\"" + receiver.url("/all") + "\",\"events\":[\"*\"],\"description\":\"all\"}");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        TestHttp.Response filed = http.post(
                carla,
                "/api/v1/portal/tickets",
                "{\"subject\":\"No mail server\",\"description\":\"Nobody is mailed\",\"category\":\"technical\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        TestHttp.Response replied = http.post(
                boss,
                "/api/v1/tickets/" + filed.json().get("id").asText() + "/messages",
                "{\"kind\":\"public\",\"body\":\"Hello\"}");
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);

        // ticket_created, message_added, status_changed: all handed to the channels.
        await(
                "the three webhook deliveries",
                60,
                () -> receiver.receivedAt("/all").size() >= 3);

        List<JsonNode> deliveries = new ArrayList<>();
        http.get(boss, "/api/v1/outbox?limit=100").json().get("items").forEach(deliveries::add);
        assertThat(deliveries)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.get("channel").asText()).isEqualTo("webhook"));
    }
}
