package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.application.testing.AttachmentSamples;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Inbound email over the hook against the whole server on a real PostgreSQL (docs/notifications.md "Inbound email"):
 * a new mail becomes a ticket with its files; replies thread by the reply token, then our Message-ID, then the ticket
 * number in the subject, and staff see which rule placed each message (customers never do); an agent's reply with
 * their own token is their public reply; machine, bulk, bounced and our own mail is ignored; the same Message-ID twice
 * is one ticket; and the hook's 401, 415, 413 and 400 change nothing.
 */
@Timeout(300)
class InboundEmailTest {
    private static InboundMailWorld world;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        world = InboundMailWorld.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void a_new_mail_from_an_unknown_address_becomes_a_ticket_with_its_attachment() {
        JsonNode filed = world.received(TestMail.from("\"Nina New\" <Nina.New@Example.org>")
                .subject("Printer on fire")
                .text("It burns since this morning.")
                .attach("shot.png", "image/png", AttachmentSamples.png())
                .attach("tool.exe", "application/octet-stream", AttachmentSamples.exe()));

        assertThat(filed.get("outcome").asText()).isEqualTo("ticket_created");
        assertThat(filed.get("rule").asText()).isEqualTo("new_ticket");
        assertThat(filed.get("ticket_number").asText()).startsWith("TKT-");
        assertThat(filed.get("duplicate").asBoolean()).isFalse();
        assertThat(filed.get("reason").asText()).isEqualTo("files left out: tool.exe (unsupported_media_type)");
        JsonNode ticket = world.staffView(filed.get("ticket_id").asText());
        assertThat(ticket.get("subject").asText()).isEqualTo("Printer on fire");
        assertThat(ticket.get("description").asText()).isEqualTo("It burns since this morning.");
        assertThat(ticket.get("source").asText()).isEqualTo("email");
        assertThat(ticket.get("requester").get("name").asText()).isEqualTo("Nina New");
        assertThat(ticket.get("attachments")).singleElement().satisfies(file -> {
            assertThat(file.get("filename").asText()).isEqualTo("shot.png");
            assertThat(file.get("content_type").asText()).isEqualTo("image/png");
        });
    }

    @Test
    void an_html_only_mail_is_kept_as_text() {
        JsonNode filed = world.received(TestMail.from("carl@acme.example")
                .subject("HTML only")
                .html("<html><body><p>Hello <b>desk</b></p><script>alert(1)</script></body></html>"));

        String description = world.staffView(filed.get("ticket_id").asText())
                .get("description")
                .asText();
        assertThat(description).contains("Hello desk").doesNotContain("<", "alert");
    }

    @Test
    void replies_thread_by_token_then_message_id_then_subject_number_and_staff_see_the_rule() {
        JsonNode a = world.fileByMail(world.carl, "Ticket A");
        JsonNode b = world.fileByMail(world.carl, "Ticket B");
        JsonNode c = world.fileByMail(world.carl, "Ticket C");
        String numberOfC = c.get("ticket_number").asText();

        JsonNode byToken = world.received(TestMail.from("carl@acme.example")
                .to(world.replyAddress(a, world.carl))
                .header("In-Reply-To", world.ids.root(InboundMailWorld.ticketId(b)))
                .subject("Re: [" + numberOfC + "] Ticket C")
                .text("token wins"));
        JsonNode byMessageId = world.received(TestMail.from("carl@acme.example")
                .header("In-Reply-To", "<unrelated@elsewhere.example>")
                .header("References", world.ids.of(InboundMailWorld.ticketId(b), "d-1"))
                .subject("Re: [" + numberOfC + "] Ticket C")
                .text("message id beats number"));
        JsonNode bySubject =
                world.received(TestMail.from("carl@acme.example").subject("Re: [" + numberOfC + "] Ticket C"));

        assertThat(byToken.get("ticket_id").asText())
                .isEqualTo(a.get("ticket_id").asText());
        assertThat(byToken.get("rule").asText()).isEqualTo("reply_token");
        assertThat(byMessageId.get("ticket_id").asText())
                .isEqualTo(b.get("ticket_id").asText());
        assertThat(byMessageId.get("rule").asText()).isEqualTo("in_reply_to");
        assertThat(bySubject.get("ticket_id").asText())
                .isEqualTo(c.get("ticket_id").asText());
        assertThat(bySubject.get("rule").asText()).isEqualTo("subject_number");
        for (JsonNode placed : new JsonNode[] {byToken, byMessageId, bySubject}) {
            assertThat(placed.get("outcome").asText()).isEqualTo("message_added");
            JsonNode message =
                    lastMessage(world.staffView(placed.get("ticket_id").asText()));
            assertThat(message.get("email_rule").asText())
                    .isEqualTo(placed.get("rule").asText());
            assertThat(message.get("via").asText()).isEqualTo("email");
            assertThat(message.get("author").get("id").asText())
                    .isEqualTo(world.carl.id().toString());
            TestHttp.Response portal = world.http.get(
                    world.carlToken,
                    "/api/v1/portal/tickets/" + placed.get("ticket_id").asText());
            assertThat(portal.status()).isEqualTo(200);
            assertThat(portal.body()).doesNotContain("email_rule", "reply_token", "in_reply_to", "subject_number");
        }
        TestHttp.Response listed = world.http.get(world.admin, "/api/v1/tickets/" + numberOfC + "/messages");
        assertThat(listed.json().get("items").get(0).get("email_rule").asText()).isEqualTo("subject_number");
    }

    @Test
    void an_agent_replying_with_their_own_token_posts_their_public_reply() {
        JsonNode ticket = world.fileByMail(world.dora, "Agent answers by mail");

        JsonNode answered = world.received(TestMail.from("Agnes <agnes@acme.example>")
                .to(world.replyAddress(ticket, world.agnes))
                .subject("Re: Agent answers by mail")
                .text("Restart it, please."));

        assertThat(answered.get("outcome").asText()).isEqualTo("message_added");
        assertThat(answered.get("rule").asText()).isEqualTo("reply_token");
        JsonNode message = messageBy(world.staffView(ticket.get("ticket_id").asText()), world.agnes);
        assertThat(message.get("kind").asText()).isEqualTo("public");
        assertThat(message.get("author").get("role").asText()).isEqualTo("agent");
        assertThat(message.get("body").asText()).isEqualTo("Restart it, please.");
    }

    static Stream<Arguments> machine_mail() {
        return Stream.of(
                Arguments.of("auto_submitted", new String[] {"Auto-Submitted", "auto-replied"}),
                Arguments.of("auto_submitted", new String[] {"Auto-Submitted", "auto-generated; owner-email=x@y.z"}),
                Arguments.of("bulk_precedence", new String[] {"Precedence", "bulk"}),
                Arguments.of("bulk_precedence", new String[] {"Precedence", "junk"}),
                Arguments.of("bulk_precedence", new String[] {"Precedence", "list"}),
                Arguments.of("bulk_precedence", new String[] {"Precedence", "auto_reply"}),
                Arguments.of("mailing_list", new String[] {"List-Id", "<news.example.com>"}),
                Arguments.of("mailing_list", new String[] {"List-Unsubscribe", "<mailto:leave@example.com>"}),
                Arguments.of("auto_reply", new String[] {"X-Autoreply", "yes"}),
                Arguments.of("auto_reply", new String[] {"X-Autorespond", "Out of office"}),
                Arguments.of("bounce", new String[] {"Return-Path", "<>"}));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("machine_mail")
    void machine_and_list_mail_is_ignored(String reason, String[] header) {
        JsonNode ticket = world.fileByMail(world.carl, "Loop bait " + Arrays.toString(header));
        long tickets = world.tickets();
        int messages = world.messages(ticket);

        JsonNode ignored = world.received(TestMail.from("carl@acme.example")
                .to(world.replyAddress(ticket, world.carl))
                .header(header[0], header[1])
                .subject("Re: [" + ticket.get("ticket_number").asText() + "] away"));

        assertThat(ignored.get("outcome").asText()).isEqualTo("ignored");
        assertThat(ignored.get("reason").asText()).isEqualTo(reason);
        assertThat(ignored.get("ticket_id").isNull()).isTrue();
        assertThat(world.tickets()).isEqualTo(tickets);
        assertThat(world.messages(ticket)).isEqualTo(messages);
    }

    @Test
    void bounces_and_our_own_mail_are_ignored() {
        long tickets = world.tickets();
        String[][] cases = {
            {"MAILER-DAEMON@relay.example", "bounce"},
            {"postmaster@acme.example", "bounce"},
            {"desk@" + InboundMailWorld.MAIL_DOMAIN, "own_mail"},
            {"support@acme.example", "from_support_address"},
        };
        for (String[] each : cases) {
            JsonNode ignored = world.received(TestMail.from(each[0]).subject("Undeliverable: your mail"));
            assertThat(ignored.get("reason").asText()).as(each[0]).isEqualTo(each[1]);
        }
        JsonNode ours = world.received(TestMail.from("someone@example.org")
                .header("Message-ID", "<ticket-ish.1@" + InboundMailWorld.MAIL_DOMAIN + ">"));
        assertThat(ours.get("reason").asText()).isEqualTo("own_mail");
        assertThat(world.tickets()).isEqualTo(tickets);
    }

    @Test
    void the_same_message_id_twice_files_one_ticket() {
        long tickets = world.tickets();
        TestMail mail = TestMail.from("twice@example.org")
                .header("Message-ID", "<same-mail-twice@sender.example>")
                .subject("Sent twice");

        JsonNode first = world.received(mail);
        JsonNode second = world.received(mail);

        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(second.get("ticket_id").asText())
                .isEqualTo(first.get("ticket_id").asText());
        assertThat(world.tickets()).isEqualTo(tickets + 1);
    }

    @Test
    void the_hook_names_the_tenant_by_its_slug_or_by_its_id() {
        byte[] mail = TestMail.from("by-id@example.org").subject("Named by id").bytes();
        long tickets = world.tickets();

        TestHttp.Response byId = hook(world.secret, world.acme().value().toString(), "message/rfc822", mail);

        assertThat(byId.status()).as(byId.body()).isIn(200, 201);
        assertThat(byId.json().get("outcome").asText()).isEqualTo("ticket_created");
        assertThat(world.tickets()).isEqualTo(tickets + 1);
    }

    @Test
    void the_hook_refuses_a_wrong_secret_type_size_or_message_and_changes_nothing() throws IOException {
        long tickets = world.tickets();
        byte[] mail =
                TestMail.from("hook@example.org").subject("Through the hook").bytes();
        String other = world.http
                .send(
                        world.server.signIn("globex", "boss@globex.example", "globex-boss-password"),
                        "PUT",
                        "/api/v1/channels/email",
                        "{\"support_address\":\"support@globex.example\"}")
                .json()
                .get("inbound_secret")
                .asText();

        assertThat(hook(null, "acme", "message/rfc822", mail).status()).isEqualTo(401);
        assertThat(hook("sdin_wrong", "acme", "message/rfc822", mail).status()).isEqualTo(401);
        assertThat(hook(other, "acme", "message/rfc822", mail).status()).isEqualTo(401);
        assertThat(hook(world.secret, "nonexistent", "message/rfc822", mail).status())
                .isEqualTo(401);
        assertThat(hook(world.secret, java.util.UUID.randomUUID().toString(), "message/rfc822", mail)
                        .status())
                .as("an unknown tenant id")
                .isEqualTo(401);
        assertThat(hook(world.admin, "acme", "message/rfc822", mail).status()).isEqualTo(401);
        TestHttp.Response wrongType = hook(world.secret, "acme", "text/plain", mail);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        assertThat(RawRequests.statusLineOf(
                        world.server.desk.port(),
                        "POST /api/v1/inbound/email/acme HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                                + world.secret + "\r\nContent-Type: message/rfc822\r\nContent-Length: "
                                + 36 * 1024 * 1024 + "\r\n\r\n"))
                .as("a mail past the size limit, refused by its declared length")
                .startsWith("HTTP/1.1 413");
        TestHttp.Response unreadable =
                hook(world.secret, "acme", "message/rfc822", "not a mail".getBytes(StandardCharsets.UTF_8));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");

        assertThat(world.tickets()).isEqualTo(tickets);
    }

    @Test
    void the_channel_shows_its_secret_once_never_its_password_and_rotation_retires_the_old_secret() {
        StaffActor boss =
                Onboarding.tenant(world.server.desk.useCases(), "initech", "boss@initech.example", "initech-password");
        world.server.person(boss, "initech", "Ian", Role.AGENT);
        String admin = world.server.signIn("initech", "boss@initech.example", "initech-password");
        String agent = world.server.signIn("initech", "ian@initech.example", "ian-password");
        String settings =
                """
                {"support_address": "help@initech.example",
                 "imap": {"host": "1.1.1.1", "username": "help", "password": "hunter2-imap"}}""";
        assertThat(world.http.get(admin, "/api/v1/channels/email").status()).isEqualTo(404);
        assertThat(world.http
                        .send(agent, "PUT", "/api/v1/channels/email", settings)
                        .status())
                .isEqualTo(403);

        TestHttp.Response first = world.http.send(admin, "PUT", "/api/v1/channels/email", settings);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String secret = first.json().get("inbound_secret").asText();
        assertThat(secret).startsWith("sdin_");
        assertThat(first.json().get("imap").get("port").asInt()).isEqualTo(993);
        assertThat(first.json().get("imap").get("security").asText()).isEqualTo("tls");
        assertThat(first.json().get("imap").get("folder").asText()).isEqualTo("INBOX");

        TestHttp.Response again = world.http.send(
                admin,
                "PUT",
                "/api/v1/channels/email",
                """
                {"support_address": "help@initech.example",
                 "imap": {"host": "1.1.1.1", "port": 143, "security": "starttls", "username": "help"}}""");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("inbound_secret").isNull()).isTrue();
        assertThat(again.json().get("imap").get("password_set").asBoolean())
                .as("a PUT without a password keeps the stored one")
                .isTrue();
        TestHttp.Response shown = world.http.get(admin, "/api/v1/channels/email");
        for (TestHttp.Response answer : List.of(first, again, shown)) {
            assertThat(answer.body()).doesNotContain("hunter2-imap");
        }
        assertThat(shown.body()).doesNotContain(secret);
        byte[] mail = TestMail.from("someone@initech-customer.example").bytes();
        assertThat(hook(secret, "initech", "message/rfc822", mail).status()).isEqualTo(200);

        TestHttp.Response rotated = world.http.post(admin, "/api/v1/channels/email/rotate-secret", null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String next = rotated.json().get("inbound_secret").asText();
        assertThat(next).startsWith("sdin_").isNotEqualTo(secret);
        assertThat(hook(
                                secret,
                                "initech",
                                "message/rfc822",
                                TestMail.from("x@y.example").bytes())
                        .status())
                .as("the old secret stops working")
                .isEqualTo(401);
        assertThat(hook(
                                next,
                                "initech",
                                "message/rfc822",
                                TestMail.from("x@y.example").bytes())
                        .status())
                .isEqualTo(200);

        TestHttp.Response log = world.http.get(admin, "/api/v1/audit-log");
        assertThat(log.body())
                .contains("email_channel_configured", "inbound_secret_rotated")
                .doesNotContain(next);

        assertThat(world.http
                        .send(admin, "DELETE", "/api/v1/channels/email", null)
                        .status())
                .isEqualTo(204);
        assertThat(hook(
                                next,
                                "initech",
                                "message/rfc822",
                                TestMail.from("z@y.example").bytes())
                        .status())
                .as("no channel, no hook")
                .isEqualTo(401);
        assertThat(world.http.get(admin, "/api/v1/channels/email").status()).isEqualTo(404);
    }

    @Test
    void invalid_channel_settings_are_refused_naming_the_field_and_change_nothing() {
        for (String bad : List.of(
                "{\"support_address\": \"not an address\"}",
                "{}",
                "{\"support_address\": \"a@b.example\", \"imap\": {\"host\": \"1.1.1.1\", \"username\": \"u\"}}",
                "{\"support_address\": \"a@b.example\", \"imap\": {\"host\": \"127.0.0.1\", \"username\": \"u\","
                        + " \"password\": \"p\"}}",
                "{\"support_address\": \"a@b.example\", \"imap\": {\"host\": \"1.1.1.1\", \"username\": \"u\","
                        + " \"password\": \"p\", \"security\": \"ssl3\"}}",
                "{\"support_address\": \"a@b.example\", \"password\": \"p\"}")) {
            TestHttp.Response refused = world.http.send(world.admin, "PUT", "/api/v1/channels/email", bad);
            assertThat(refused.status()).as(bad + " -> " + refused.body()).isEqualTo(400);
        }
        TestHttp.Response shown = world.http.get(world.admin, "/api/v1/channels/email");
        assertThat(shown.json().get("support_address").asText()).isEqualTo("support@acme.example");
        assertThat(shown.json().get("imap").isNull()).isTrue();
    }

    private static TestHttp.Response hook(String secret, String tenant, String type, byte[] body) {
        return world.http.postBytes(secret, "/api/v1/inbound/email/" + tenant, type, body);
    }

    private static JsonNode messageBy(JsonNode ticket, Person author) {
        for (JsonNode message : ticket.get("messages")) {
            if (message.get("author").get("id").asText().equals(author.id().toString())) {
                return message;
            }
        }
        throw new AssertionError("no message by " + author.name() + " in " + ticket);
    }

    private static JsonNode lastMessage(JsonNode ticket) {
        JsonNode messages = ticket.get("messages");
        return messages.get(messages.size() - 1);
    }
}
