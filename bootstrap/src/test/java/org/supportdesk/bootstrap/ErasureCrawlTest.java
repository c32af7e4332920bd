package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;

/**
 * Erasure from outside (§16 privacy, issue 16): a customer who filed tickets, wrote, uploaded, rated, asked for a call
 * and was written to (in-app, by webhook) is erased by an admin; afterwards a search for their name, their address and
 * words only they wrote finds nothing in any table (read as the superuser, past row-level security), in any file under
 * the data directory, or in any API response a crawl of the tenant's lists and details gets; while the ticket stats
 * are as before, the journal's chain still verifies, another customer's data is untouched and the erased person can no
 * longer sign in.
 */
@Timeout(300)
class ErasureCrawlTest {
    private static final String NAME = "Zebulon Quarrington";
    private static final String EMAIL = "zq.private@mailbox.example";
    private static final String PASSWORD = "zebulon-password";
    private static final String WORD = "florbnicated";
    private static final String PHONE = "+44 7700 900123";
    /** What no trace of the erased person may contain, lower-cased. */
    private static final List<String> NEEDLES =
            List.of("zebulon", "quarrington", EMAIL, WORD, "7700 900123", "7700900123");

    private static ApiServer api;
    private static ApiServer.Acme acme;
    private static WebhookReceiver receiver;
    private static String admin;
    private static String zebulon;
    private static Person person;
    private static final List<String> tickets = new ArrayList<>();
    private static String attachment;
    private static String othersTicket;
    private static String carlasManual;
    private static final byte[] SHARED_BYTES =
            "Page 12 of the printer manual: clear the paper path.".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        api = ApiServer.start(
                dataDir,
                Map.of(
                        NotifySettings.ALLOW_PRIVATE_TARGETS, "true",
                        NotifySettings.POLL_MILLIS, "100",
                        NotifySettings.SECRETS_KEY, "a-secrets-key-for-the-erasure-crawl-long-enough"));
        acme = api.acme();
        admin = api.signIn("acme", "boss@acme.example", "boss-password");
        TestHttp.Response hook = api.http.post(
                admin,
                "/api/v1/webhooks",
                "{\"url\":\"" + receiver.url("/hook")
                        + "\",\"events\":[\"ticket_created\",\"message_added\"],\"description\":\"crawl\"}");
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        person =
                Onboarding.person(api.desk.useCases(), acme.admin(), EMAIL, NAME, Role.CUSTOMER, Optional.of(PASSWORD));
        zebulon = api.signIn("acme", EMAIL, PASSWORD);

        TestHttp.Response uploaded = api.http.upload(
                zebulon,
                "/api/v1/portal/attachments",
                WORD + "-scan.txt",
                "text/plain",
                ("my " + WORD + " passport, " + NAME).getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        attachment = uploaded.json().get("id").asText();
        tickets.add(file(
                zebulon,
                "The " + WORD + " printer",
                "It " + WORD + " again, call " + PHONE,
                ",\"attachment_ids\":[\"" + attachment + "\"]"));
        // The same page of a manual, uploaded by Zebulon and by Carla: one stored copy, which Carla keeps.
        String zebulonsManual = upload(zebulon, "manual.txt", SHARED_BYTES);
        tickets.add(file(
                zebulon,
                "Second " + WORD + " matter",
                "Nothing works, " + NAME,
                ",\"attachment_ids\":[\"" + zebulonsManual + "\"]"));
        reply(acme.agent(), tickets.get(0), "public", "Hello " + NAME + ", we are on the " + WORD + " printer");
        reply(acme.agent(), tickets.get(0), "internal", NAME + " sounded upset about " + WORD);
        reply(zebulon, tickets.get(0), null, "Thanks, my number is " + PHONE);
        status(tickets.get(0), "resolved");
        TestHttp.Response rated = api.http.post(
                zebulon,
                "/api/v1/portal/tickets/" + tickets.get(0) + "/feedback",
                "{\"rating\":4,\"comment\":\"Great " + WORD + " service\"}");
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        TestHttp.Response call = api.http.post(
                zebulon, "/api/v1/portal/calls", "{\"phone\":\"" + PHONE + "\",\"note\":\"About " + WORD + "\"}");
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        carlasManual = upload(acme.customer(), "manual.txt", SHARED_BYTES);
        othersTicket = file(
                acme.customer(),
                "Carla's printer",
                "Carla keeps this",
                ",\"attachment_ids\":[\"" + carlasManual + "\"]");
        await(
                "webhook deliveries of both customers' tickets",
                () -> receiver.receivedAt("/hook").size() >= 4);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void an_erased_customer_leaves_no_trace_and_the_numbers_stay() throws Exception {
        // One window for both readings, so only what erasure might change could differ.
        Instant now = Instant.now();
        String stats = "/api/v1/tickets/stats?from=" + now.minus(Duration.ofDays(30)) + "&to=" + now.plusSeconds(3600);
        String statsBefore = api.http.get(admin, stats).body();
        JsonNode slaBefore = slaOf(tickets.get(0));
        int messagesBefore = api.http
                .get(admin, "/api/v1/tickets/" + tickets.get(0))
                .json()
                .get("messages")
                .size();
        assertThat(traces(databaseRows()))
                .as("traces before erasure, so the crawl can see them")
                .isNotEmpty();

        TestHttp.Response erased = api.http.post(admin, "/api/v1/customers/" + person.id() + "/erase", "");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        JsonNode body = erased.json();
        assertThat(body.get("id").asText()).isEqualTo(person.id().toString());
        assertThat(body.get("name").asText()).startsWith("Erased person ");
        assertThat(body.get("email").asText()).endsWith("@erased.invalid");
        assertThat(body.get("redacted").get("tickets").asInt()).isEqualTo(2);
        assertThat(body.get("redacted").get("attachments").asInt()).isEqualTo(2);
        assertThat(body.get("redacted").get("journal_entries").asInt()).isPositive();

        assertThat(traces(databaseRows()))
                .as("rows that still name the erased person")
                .isEmpty();
        assertThat(traces(files()))
                .as("files that still hold the erased person's data")
                .isEmpty();
        assertThat(traces(apiResponses()))
                .as("API responses that still name the erased person")
                .isEmpty();

        assertThat(api.http.get(admin, stats).body()).isEqualTo(statsBefore);
        assertThat(slaOf(tickets.get(0))).isEqualTo(slaBefore);
        JsonNode verdict = api.http.get(admin, "/api/v1/audit-log/verify").json();
        assertThat(verdict.get("verified").asBoolean()).as(verdict.toString()).isTrue();
        JsonNode ticket =
                api.http.get(admin, "/api/v1/tickets/" + tickets.get(0)).json();
        assertThat(ticket.get("status").asText()).isEqualTo("resolved");
        assertThat(ticket.get("feedback").get("rating").asInt()).isEqualTo(4);
        assertThat(ticket.get("messages")).hasSize(messagesBefore);
        ticket.get("messages")
                .forEach(message -> assertThat(message.get("body").asText()).isEqualTo("[erased]"));
        assertThat(api.http.get(admin, "/api/v1/tickets/" + othersTicket).body())
                .contains("Carla keeps this");
        TestHttp.Response manual = api.http.get(acme.customer(), "/api/v1/portal/attachments/" + carlasManual);
        assertThat(manual.status())
                .as("Carla's copy of bytes Zebulon also uploaded")
                .isEqualTo(200);
        assertThat(manual.body()).isEqualTo(new String(SHARED_BYTES, StandardCharsets.UTF_8));

        assertThat(api.http.get(zebulon, "/api/v1/portal/tickets").status()).isEqualTo(401);
        assertThat(api.http
                        .post(
                                null,
                                "/api/v1/auth/login",
                                "{\"tenant\":\"acme\",\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}")
                        .status())
                .isEqualTo(401);
        assertThat(api.http
                        .post(admin, "/api/v1/customers/" + person.id() + "/erase", "")
                        .status())
                .as("erasing twice")
                .isEqualTo(404);
        assertThat(api.http
                        .get(admin, "/api/v1/audit-log?action=person_erased")
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    /** The ticket's SLA clocks, without the moment they were read at. */
    private static JsonNode slaOf(String ticket) {
        ObjectNode sla = (ObjectNode)
                api.http.get(admin, "/api/v1/tickets/" + ticket + "/sla").json();
        sla.remove("as_of");
        return sla;
    }

    /** A text found somewhere, and where. */
    private record Found(String where, String text) {}

    /** Where among {@code found} a needle is, with the start of the text. */
    private static List<String> traces(List<Found> found) {
        return found.stream()
                .filter(one -> {
                    String lower = one.text().toLowerCase(Locale.ROOT);
                    return NEEDLES.stream().anyMatch(lower::contains);
                })
                .map(one -> one.where() + ": "
                        + (one.text().length() > 400 ? one.text().substring(0, 400) + "…" : one.text()))
                .toList();
    }

    /** Every row of every table, as text, read by the superuser (so row-level security hides nothing). */
    private static List<Found> databaseRows() throws SQLException {
        List<Found> rows = new ArrayList<>();
        try (Connection superuser = api.database
                        .cluster()
                        .superuserConnection(api.database.cluster().database());
                Statement sql = superuser.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet listed = sql.executeQuery(
                    "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables"
                            + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
                            + " AND table_type = 'BASE TABLE'")) {
                while (listed.next()) {
                    tables.add(listed.getString(1));
                }
            }
            assertThat(tables).hasSizeGreaterThan(30);
            for (String table : tables) {
                try (ResultSet all = sql.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (all.next()) {
                        rows.add(new Found(table, all.getString(1)));
                    }
                }
            }
        }
        return rows;
    }

    /** Every file under the server's data directory (attachment bytes, staging), as text. */
    private static List<Found> files() throws IOException {
        try (Stream<Path> all = Files.walk(dataDir)) {
            return all.filter(Files::isRegularFile)
                    .map(file -> new Found(file.toString(), read(file)))
                    .toList();
        }
    }

    /** What the tenant's staff, admins and the other customer get from every list and detail of the tenant. */
    private static List<Found> apiResponses() {
        List<String> paths = new ArrayList<>(List.of(
                "/api/v1/tickets?limit=100",
                "/api/v1/tickets?q=" + WORD,
                "/api/v1/tickets?q=zebulon",
                "/api/v1/customers?limit=100",
                "/api/v1/customers/" + person.id(),
                "/api/v1/customers/" + person.id() + "/export",
                "/api/v1/audit-log?limit=100",
                "/api/v1/changes?limit=1000",
                "/api/v1/calls?limit=100",
                "/api/v1/notifications?limit=100",
                "/api/v1/deliveries?limit=100",
                "/api/v1/tickets/export",
                "/api/v1/attachments/" + attachment));
        for (String ticket : tickets) {
            paths.add("/api/v1/tickets/" + ticket);
            paths.add("/api/v1/tickets/" + ticket + "/messages");
            paths.add("/api/v1/tickets/" + ticket + "/history");
            paths.add("/api/v1/tickets/" + ticket + "/attachments");
        }
        List<Found> responses = new ArrayList<>();
        for (String token : List.of(admin, acme.agent(), acme.customer())) {
            for (String path : paths) {
                TestHttp.Response response = api.http.get(token, path);
                assertThat(response.status()).as(path).isLessThan(500);
                responses.add(new Found(path, response.body()));
            }
        }
        assertThat(api.http
                        .get(admin, "/api/v1/tickets?q=" + WORD)
                        .json()
                        .get("pagination")
                        .get("total")
                        .asInt())
                .isZero();
        return responses;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String upload(String token, String name, byte[] content) {
        TestHttp.Response uploaded = api.http.upload(token, "/api/v1/portal/attachments", name, "text/plain", content);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return uploaded.json().get("id").asText();
    }

    private static String file(String token, String subject, String description, String more) {
        TestHttp.Response filed = api.http.post(
                token,
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + subject + "\",\"description\":\"" + description + "\",\"category\":\"technical\""
                        + more + "}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    private static void reply(String token, String ticket, String kind, String body) {
        String path = kind == null
                ? "/api/v1/portal/tickets/" + ticket + "/messages"
                : "/api/v1/tickets/" + ticket + "/messages";
        String json =
                kind == null ? "{\"body\":\"" + body + "\"}" : "{\"kind\":\"" + kind + "\",\"body\":\"" + body + "\"}";
        TestHttp.Response replied = api.http.post(token, path, json);
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
    }

    private static void status(String ticket, String status) {
        TestHttp.Response changed =
                api.http.send(acme.agent(), "PATCH", "/api/v1/tickets/" + ticket, "{\"status\":\"" + status + "\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    private static void await(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
