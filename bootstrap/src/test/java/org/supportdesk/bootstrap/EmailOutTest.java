package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.bootstrap.SmtpCatcher.header;
import static org.supportdesk.bootstrap.SmtpCatcher.parts;
import static org.supportdesk.bootstrap.SmtpCatcher.subject;
import static org.supportdesk.bootstrap.SmtpCatcher.to;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.application.mail.ReplyTokens;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * Outgoing email (§13, docs/notifications.md "Email") through the whole server on a real PostgreSQL to a real SMTP
 * server in this process (GreenMail): who gets mail for each event, how it threads, its language, 1,000 internal notes
 * that reach no customer, and texts that try to add a header or a recipient. One dispatcher worker, so that once the
 * mail of a later change has arrived, every earlier change has been mailed (see {@link #quiet()}). A mail server down or
 * stalling is {@link EmailOutageTest}'s.
 */
@Timeout(600)
class EmailOutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRETS_KEY = "email-out-test-secrets-key-long-enough";
    private static final String FROM = "support@mail.acme.example";
    private static final AtomicInteger MARKERS = new AtomicInteger();

    private static SmtpCatcher smtp;
    private static ApiServer server;
    private static TestHttp http;
    private static TenantId acme;
    private static String boss;
    private static String agnes;
    private static String bert;
    private static String carla;
    private static String ivan;
    private static String marker;
    private static final Map<String, UserId> ids = new HashMap<>();
    private static final Set<String> seen = Collections.synchronizedSet(new HashSet<>());

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        smtp = SmtpCatcher.start();
        Map<String, String> settings = new HashMap<>(smtp.settings(FROM));
        settings.put(NotifySettings.SECRETS_KEY, SECRETS_KEY);
        settings.put(NotifySettings.POLL_MILLIS, "50");
        settings.put(NotifySettings.WORKERS, "1");
        // A thousand notes from one address and one person within a minute.
        settings.put(Config.RATE_LIMIT_PER_PERSON, "100000");
        settings.put(Config.RATE_LIMIT_PER_TENANT, "1000000");
        settings.put(Config.RATE_LIMIT_PER_ADDRESS, "100000");
        server = ApiServer.start(dataDir, settings);
        http = server.http;
        StaffActor admin = Onboarding.tenant(server.desk.useCases(), "acme", "boss@acme.example", "boss-password");
        acme = admin.tenant();
        ids.put("boss@acme.example", admin.id());
        boss = server.signIn("acme", "boss@acme.example", "boss-password");
        agnes = staff(admin, "Agnes");
        bert = staff(admin, "Bert");
        staff(admin, "Dora");
        TestHttp.Response deactivated = http.send(
                boss, "PATCH", "/api/v1/agents/" + ids.get("dora@acme.example").value(), "{\"active\":false}");
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        carla = customer("carla@acme.example", "Carla", Optional.empty());
        ivan = customer("ivan@acme.example", "Иван Петров", Optional.of("ru"));
        marker = customer("mark@acme.example", "Mark", Optional.empty());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    private static String staff(StaffActor admin, String name) {
        var person = server.person(admin, "acme", name, Role.AGENT);
        ids.put(person.email().value(), person.id());
        String login = person.email().value();
        return server.signIn("acme", login, name.toLowerCase() + "-password");
    }

    /** A customer made through the admin API (with a language, if given), signed in. */
    private static String customer(String email, String name, Optional<String> language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("name", name);
        body.put("password", "customer-password");
        language.ifPresent(l -> body.put("language", l));
        TestHttp.Response created = http.post(boss, "/api/v1/customers", json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("language").asText()).isEqualTo(language.orElse("en"));
        ids.put(email, new UserId(UUID.fromString(created.json().get("id").asText())));
        return server.signIn("acme", email, "customer-password");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files a ticket as {@code customer}; answers it ({@code id}, {@code number}). */
    private static JsonNode file(String customer, String subject, String description) {
        TestHttp.Response filed = http.post(
                customer,
                "/api/v1/portal/tickets",
                json(Map.of("subject", subject, "description", description, "category", "technical")));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json();
    }

    private static void staffPost(String token, JsonNode ticket, String kind, String body) {
        TestHttp.Response posted = http.post(
                token,
                "/api/v1/tickets/" + ticket.get("id").asText() + "/messages",
                json(Map.of("kind", kind, "body", body)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    }

    private static void customerReply(String customer, JsonNode ticket, String body) {
        TestHttp.Response replied = http.post(
                customer,
                "/api/v1/portal/tickets/" + ticket.get("id").asText() + "/messages",
                json(Map.of("body", body)));
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
    }

    private static void ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
    }

    /**
     * Waits until everything changed so far has been mailed: a marker ticket is filed, and once its mail reached the
     * admin, the single worker has sent every delivery made before it (it expands intents, and sends deliveries, in
     * order).
     */
    private static void quiet() {
        String subject = "Marker " + MARKERS.incrementAndGet();
        String number = file(marker, subject, "marker").get("number").asText();
        SmtpCatcher.await("the mail of " + subject, 60, () -> !smtp.received(
                        m -> to(m).equals("boss@acme.example") && subject(m).contains(number))
                .isEmpty());
    }

    /** The mails about {@code ticket} not looked at before, as (recipient → events heard), after {@link #quiet()}. */
    private static Map<String, Set<String>> newMailsAbout(JsonNode ticket) {
        quiet();
        Map<String, Set<String>> heard = new TreeMap<>();
        for (MimeMessage mail :
                smtp.received(m -> subject(m).contains(ticket.get("number").asText()))) {
            if (seen.add(header(mail, "Message-ID"))) {
                heard.computeIfAbsent(to(mail), k -> new TreeSet<>())
                        .add(event(parts(mail).get(0)));
            }
        }
        return heard;
    }

    /** The event a mail's English headline names. */
    private static String event(String text) {
        Map<String, String> byPhrase = new LinkedHashMap<>();
        byPhrase.put("filed a new ticket", "ticket_created");
        byPhrase.put("replied on ticket", "customer_replied");
        byPhrase.put("replied to your request", "staff_replied");
        byPhrase.put("added an internal note", "internal_note_added");
        byPhrase.put("is now", "status_changed");
        byPhrase.put("escalated ticket", "ticket_escalated");
        byPhrase.put("missed its service-level target", "sla_breached");
        byPhrase.put("rated the support", "feedback_given");
        byPhrase.put("asked for a call back", "call_requested");
        String headline = text.lines().findFirst().orElse("");
        return byPhrase.entrySet().stream()
                .filter(e -> headline.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("unknown: " + headline);
    }

    private static Map<String, Set<String>> heard(Object... recipientsThenEvent) {
        Map<String, Set<String>> expected = new TreeMap<>();
        String event = (String) recipientsThenEvent[recipientsThenEvent.length - 1];
        for (int i = 0; i < recipientsThenEvent.length - 1; i++) {
            expected.computeIfAbsent((String) recipientsThenEvent[i], k -> new TreeSet<>())
                    .add(event);
        }
        return expected;
    }

    @Test
    void every_event_mails_whom_section_13_names_never_whoever_made_it_nor_a_deactivated_agent() {
        JsonNode ticket = file(carla, "Printer on fire", "Smoke everywhere");
        assertThat(newMailsAbout(ticket))
                .as("ticket created: every active staff member")
                .isEqualTo(heard("agnes@acme.example", "bert@acme.example", "boss@acme.example", "ticket_created"));

        customerReply(carla, ticket, "Still smoking");
        assertThat(newMailsAbout(ticket))
                .as("customer reply on an unassigned ticket: all agents")
                .isEqualTo(heard("agnes@acme.example", "bert@acme.example", "boss@acme.example", "customer_replied"));

        ok(http.post(
                boss,
                "/api/v1/tickets/" + ticket.get("id").asText() + "/assign",
                "{\"assignee_id\":\"" + ids.get("agnes@acme.example").value() + "\"}"));
        assertThat(newMailsAbout(ticket))
                .as("assigning a new ticket moves it on, which its requester hears")
                .isEqualTo(heard("carla@acme.example", "status_changed"));

        customerReply(carla, ticket, "Hello?");
        assertThat(newMailsAbout(ticket))
                .as("customer reply on an assigned ticket: the assignee")
                .isEqualTo(heard("agnes@acme.example", "customer_replied"));

        staffPost(agnes, ticket, "public", "Unplug it");
        assertThat(newMailsAbout(ticket))
                .as("staff public reply: the requester")
                .isEqualTo(heard("carla@acme.example", "staff_replied"));

        staffPost(boss, ticket, "internal", "Customer owes us money");
        assertThat(newMailsAbout(ticket))
                .as("internal note: the assignee only")
                .isEqualTo(heard("agnes@acme.example", "internal_note_added"));

        staffPost(agnes, ticket, "internal", "Note to self");
        assertThat(newMailsAbout(ticket)).as("the assignee's own note: nobody").isEmpty();

        ok(http.send(agnes, "PATCH", "/api/v1/tickets/" + ticket.get("id").asText(), "{\"status\":\"on_hold\"}"));
        assertThat(newMailsAbout(ticket))
                .as("status change: the requester")
                .isEqualTo(heard("carla@acme.example", "status_changed"));

        ok(http.post(bert, "/api/v1/tickets/" + ticket.get("id").asText() + "/escalate", "{\"reason\":\"VIP\"}"));
        assertThat(newMailsAbout(ticket))
                .as("escalation: the assignee and the admins")
                .isEqualTo(heard("agnes@acme.example", "boss@acme.example", "ticket_escalated"));

        ok(http.post(
                carla,
                "/api/v1/portal/calls",
                json(Map.of("ticket_id", ticket.get("id").asText(), "phone", "+4930123456", "note", "Call me"))));
        assertThat(newMailsAbout(ticket))
                .as("call requested: the agents")
                .isEqualTo(heard("agnes@acme.example", "bert@acme.example", "boss@acme.example", "call_requested"));

        ok(http.send(agnes, "PATCH", "/api/v1/tickets/" + ticket.get("id").asText(), "{\"status\":\"resolved\"}"));
        assertThat(newMailsAbout(ticket)).isEqualTo(heard("carla@acme.example", "status_changed"));
        ok(http.post(
                carla,
                "/api/v1/portal/tickets/" + ticket.get("id").asText() + "/feedback",
                "{\"rating\":5,\"comment\":\"Great\"}"));
        assertThat(newMailsAbout(ticket))
                .as("feedback: the admins")
                .isEqualTo(heard("boss@acme.example", "feedback_given"));

        assertThat(smtp.received()).extracting(SmtpCatcher::to).doesNotContain("dora@acme.example");
        for (MimeMessage mail : smtp.received(m -> to(m).equals("carla@acme.example"))) {
            assertThat(parts(mail)).noneMatch(part -> part.contains("money") || part.contains("Note to self"));
        }
    }

    @Test
    void a_staff_reply_threads_under_its_ticket_in_the_recipients_language_with_a_token_only_they_can_use()
            throws Exception {
        JsonNode ticket = file(ivan, "Принтер горит", "Дым повсюду");
        staffPost(agnes, ticket, "public", "Unplug it <script>alert(1)</script> & \"wait\"");
        quiet();

        String id = ticket.get("id").asText();
        List<MimeMessage> toIvan = smtp.received(m -> to(m).equals("ivan@acme.example")
                && subject(m).contains(ticket.get("number").asText())
                && parts(m).get(0).contains("ответил(а) на ваше обращение"));
        assertThat(toIvan).hasSize(1);
        MimeMessage mail = toIvan.get(0);
        assertThat(subject(mail)).isEqualTo("[" + ticket.get("number").asText() + "] Принтер горит");
        assertThat(header(mail, "Message-ID")).matches("<" + id + "\\.[0-9a-f-]{36}@mail\\.acme\\.example>");
        assertThat(header(mail, "In-Reply-To")).isEqualTo("<ticket." + id + "@mail.acme.example>");
        assertThat(header(mail, "References")).isEqualTo("<ticket." + id + "@mail.acme.example>");
        assertThat(header(mail, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(header(mail, "X-Auto-Response-Suppress")).isEqualTo("All");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(FROM);
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getPersonal()).isEqualTo("Иван Петров");
        assertThat(parts(mail).get(0))
                .contains("Unplug it <script>alert(1)</script> & \"wait\"")
                .contains("https://desk.acme.example/tickets/" + id);
        assertThat(parts(mail).get(1))
                .contains("Unplug it &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;wait&quot;")
                .doesNotContain("<script>")
                .contains("lang=\"ru\"");

        String replyTo = ((InternetAddress) mail.getReplyTo()[0]).getAddress();
        Matcher token =
                Pattern.compile("support\\+r([a-z2-7]+)@mail\\.acme\\.example").matcher(replyTo);
        assertThat(token.matches()).as(replyTo).isTrue();
        ReplyTokens tokens = ReplyTokens.derivedFrom(SECRETS_KEY);
        TicketId ticketId = new TicketId(UUID.fromString(id));
        assertThat(tokens.verify(token.group(1), acme, ids.get("ivan@acme.example")))
                .contains(ticketId);
        assertThat(tokens.verify(token.group(1), acme, ids.get("carla@acme.example")))
                .isEmpty();
        assertThat(tokens.verify(token.group(1), acme, ids.get("agnes@acme.example")))
                .isEmpty();

        JsonNode deliveries =
                http.get(boss, "/api/v1/outbox?state=sent&limit=100").json();
        assertThat(deliveries.get("items")).anySatisfy(delivery -> {
            assertThat(delivery.get("channel").asText()).isEqualTo("email");
            assertThat(delivery.get("recipient").asText())
                    .isEqualTo(ids.get("ivan@acme.example").toString());
            assertThat(delivery.get("dedup_key").asText()).isEqualTo(header(mail, "Message-ID"));
        });
    }

    @Test
    void an_admin_sets_the_language_a_person_is_mailed_in_and_the_customer_sees_it_on_their_profile() {
        String olga = customer("olga@acme.example", "Olga", Optional.empty());
        String path = "/api/v1/customers/" + ids.get("olga@acme.example").value();

        TestHttp.Response russian = http.send(boss, "PATCH", path, "{\"language\":\"ru\"}");
        TestHttp.Response german = http.send(boss, "PATCH", path, "{\"language\":\"de\"}");

        assertThat(russian.status()).as(russian.body()).isEqualTo(200);
        assertThat(russian.json().get("language").asText()).isEqualTo("ru");
        assertThat(german.status()).isEqualTo(400);
        assertThat(german.body()).contains("language");
        assertThat(http.get(olga, "/api/v1/portal/me").json().get("language").asText())
                .isEqualTo("ru");
    }

    @Test
    void a_thousand_internal_notes_send_the_customer_no_mail() {
        JsonNode ticket = file(carla, "Quiet please", "Nothing to see");
        ok(http.post(
                boss,
                "/api/v1/tickets/" + ticket.get("id").asText() + "/assign",
                "{\"assignee_id\":\"" + ids.get("bert@acme.example").value() + "\"}"));
        for (int i = 0; i < 1_000; i++) {
            staffPost(boss, ticket, "internal", "secret note " + i);
        }
        quiet();

        String number = ticket.get("number").asText();
        List<MimeMessage> about = smtp.received(m -> subject(m).contains(number));
        assertThat(about.stream().filter(m -> to(m).equals("bert@acme.example")).count())
                .as("the assignee hears of every note")
                .isEqualTo(1_001);
        List<MimeMessage> toCarla =
                about.stream().filter(m -> to(m).equals("carla@acme.example")).toList();
        assertThat(toCarla).extracting(m -> event(parts(m).get(0))).containsOnly("status_changed");
        assertThat(about).allSatisfy(m -> assertThat(parts(m)).noneMatch(part -> part.contains("secret note")));
        System.out.printf(
                "1,000 internal notes: %d mails about the ticket, %d to the assignee, %d to the customer (the assignment"
                        + " only), 0 quoting a note%n",
                about.size(),
                about.stream().filter(m -> to(m).equals("bert@acme.example")).count(),
                toCarla.size());
    }

    @Test
    void names_subjects_and_bodies_add_no_header_and_no_recipient() throws Exception {
        for (String broken :
                List.of("Eve\r\nBcc: evil@evil.example", "Eve\u2028Bcc: evil@evil.example", "Eve\u0085X")) {
            TestHttp.Response refused = http.post(
                    boss,
                    "/api/v1/customers",
                    json(Map.of("email", "eve" + UUID.randomUUID() + "@acme.example", "name", broken)));
            assertThat(refused.status()).as("a name on more than one line").isEqualTo(400);
            TestHttp.Response notFiled = http.post(
                    carla,
                    "/api/v1/portal/tickets",
                    json(Map.of("subject", broken, "description", "x", "category", "technical")));
            assertThat(notFiled.status()).as("a subject on more than one line").isEqualTo(400);
        }
        String encodedWord = "=?UTF-8?Q?=0D=0ABcc:_evil@evil.example?=";
        String eve = customer(
                "eve@acme.example", encodedWord + " \"Eve\" <evil@evil.example>, x@evil.example", Optional.empty());
        String hostileBody =
                "Hi\r\nBcc: evil@evil.example\r\n.\r\nMAIL FROM:<evil@evil.example>\r\nRCPT TO:<evil@evil.example>"
                        + "\r\nDATA\r\nTo: evil@evil.example\r\n\r\n" + encodedWord + "\r\n.\r\n";
        JsonNode ticket = file(eve, encodedWord + " =?UTF-8?B?DQpCY2M6IGV2aWxAZXZpbC5leGFtcGxl?=", hostileBody);
        customerReply(eve, ticket, hostileBody);
        staffPost(agnes, ticket, "public", hostileBody);
        quiet();

        List<MimeMessage> about =
                smtp.received(m -> subject(m).contains(ticket.get("number").asText()));
        assertThat(about).extracting(SmtpCatcher::to).contains("eve@acme.example", "boss@acme.example");
        for (MimeMessage mail : about) {
            assertThat(mail.getAllRecipients()).hasSize(1);
            assertThat(to(mail)).endsWith("@acme.example");
            assertThat(headerNames(mail)).isSubsetOf(OUR_HEADERS);
        }
        assertThat(smtp.received()).extracting(SmtpCatcher::to).noneMatch(to -> to.contains("evil"));
    }

    /** The headers our mail has, and GreenMail's own on arrival; anything else was added by a text of the mail. */
    private static final Set<String> OUR_HEADERS = Set.of(
            "Date",
            "From",
            "Reply-To",
            "To",
            "Message-ID",
            "In-Reply-To",
            "References",
            "Subject",
            "MIME-Version",
            "Content-Type",
            "Auto-Submitted",
            "X-Auto-Response-Suppress",
            "Received",
            "Return-Path");

    private static Set<String> headerNames(MimeMessage message) throws MessagingException {
        Set<String> names = new TreeSet<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            names.add(header.getName());
        }
        return names;
    }
}
