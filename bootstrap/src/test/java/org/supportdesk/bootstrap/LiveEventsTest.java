package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Live events (§16, docs/live-events.md) over real HTTP against two server instances on one PostgreSQL: an event
 * written through one reaches a stream on the other; a stream resumed with {@code Last-Event-ID} gets exactly what it
 * missed; stream tickets open one stream, once, as their holder; a deactivated person's stream closes; a customer's
 * stream carries nothing internal (S2 canaries); a cursor the feed cannot resume from gives a {@code reset}.
 */
@Timeout(300)
class LiveEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CANARY = "CANARY-live-3c1e";

    private static ApiServer server;
    private static Supportdesk second;
    private static TestHttp http;
    private static StaffActor boss;
    private static Person agnesPerson;
    private static String agnes;
    private static String admin;
    private static String carla;
    private static String oscar;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path secondDataDir;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        second = server.anotherInstance(secondDataDir);
        http = server.http;
        boss = Onboarding.tenant(server.desk.useCases(), "acme", "boss@acme.example", "boss-password");
        agnesPerson = server.person(boss, "acme", "Agnes", Role.AGENT);
        server.person(boss, "acme", "Carla", Role.CUSTOMER);
        server.person(boss, "acme", "Oscar", Role.CUSTOMER);
        agnes = server.signIn("acme", "agnes@acme.example", "agnes-password");
        admin = server.signIn("acme", "boss@acme.example", "boss-password");
        carla = server.signIn("acme", "carla@acme.example", "carla-password");
        oscar = server.signIn("acme", "oscar@acme.example", "oscar-password");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_event_written_through_one_instance_reaches_a_stream_on_the_other() throws Exception {
        try (EventStream stream = EventStream.open(second.port(), "/api/v1/events", agnes)) {
            assertThat(stream.status).isEqualTo(200);
            String id = file(carla, "Across instances").get("id").asText();
            long answered = System.nanoTime();

            Optional<EventStream.Event> created = stream.next("ticket_created", WAIT);
            long millis = (System.nanoTime() - answered) / 1_000_000;

            assertThat(created).hasValueSatisfying(event -> {
                JsonNode item = json(event.data());
                assertThat(item.get("ticket_id").asText()).isEqualTo(id);
                assertThat(event.id()).contains(item.get("cursor").asText());
                assertThat(item.get("version").asLong()).isEqualTo(1);
            });
            System.out.printf(
                    "Live events: a ticket filed on instance 1 reached a stream on instance 2 %d ms after its answer%n",
                    millis);
            assertThat(millis).as("within a second of the filing's answer").isLessThan(1_000);
        }
    }

    @Test
    void a_stream_resumed_with_last_event_id_gets_exactly_what_it_missed() throws Exception {
        String id = file(carla, "Resumed").get("id").asText();
        String lastSeen;
        try (EventStream stream = EventStream.open(server.desk.port(), "/api/v1/events", agnes)) {
            staffPost(agnes, id, "public", "Before the disconnect");
            lastSeen = stream.next("message_added", WAIT).orElseThrow().id().orElseThrow();
        }
        for (int i = 0; i < 5; i++) {
            staffPost(agnes, id, "internal", "While away " + i);
        }
        List<Long> missed = cursorsAfter(lastSeen);

        try (EventStream resumed = EventStream.open(
                second.port(),
                "/api/v1/events",
                Map.of("Authorization", "Bearer " + agnes, "Last-Event-ID", lastSeen))) {
            List<Long> received = new ArrayList<>();
            for (int i = 0; i < missed.size(); i++) {
                received.add(
                        Long.parseLong(resumed.next(WAIT).orElseThrow().id().orElseThrow()));
            }
            assertThat(received).isEqualTo(missed);
            assertThat(resumed.next(Duration.ofMillis(500))).as("nothing twice").isEmpty();
        }
        assertThat(missed).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void a_stream_ticket_opens_one_stream_once_as_its_holder_and_no_bearer_travels_in_the_url() {
        TestHttp.Response issued = http.post(carla, "/api/v1/portal/events/stream-tickets", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String ticket = issued.json().get("ticket").asText();
        assertThat(issued.json().get("expires_at").asText()).isNotBlank();

        try (EventStream stream =
                EventStream.open(server.desk.port(), "/api/v1/portal/events?ticket=" + ticket, Map.of())) {
            assertThat(stream.status).isEqualTo(200);
            String id = file(carla, "Seen through a ticket").get("id").asText();
            assertThat(stream.next("ticket_created", WAIT)).hasValueSatisfying(event -> assertThat(
                            json(event.data()).get("ticket_id").asText())
                    .isEqualTo(id));
        }
        try (EventStream again =
                EventStream.open(server.desk.port(), "/api/v1/portal/events?ticket=" + ticket, Map.of())) {
            assertThat(again.status).as("single use").isEqualTo(401);
        }
        String staffTicket = http.post(agnes, "/api/v1/events/stream-tickets", null)
                .json()
                .get("ticket")
                .asText();
        try (EventStream wrongRoute =
                EventStream.open(server.desk.port(), "/api/v1/portal/events?ticket=" + staffTicket, Map.of())) {
            assertThat(wrongRoute.status)
                    .as("a staff ticket on the portal's stream")
                    .isEqualTo(403);
        }
        try (EventStream forged = EventStream.open(
                server.desk.port(), "/api/v1/events?ticket=st_" + java.util.UUID.randomUUID() + "_x", Map.of())) {
            assertThat(forged.status).isEqualTo(401);
        }
        assertThat(http.get(null, "/api/v1/changes?ticket=" + staffTicket).status())
                .as("a ticket opens streams only")
                .isEqualTo(401);
    }

    @Test
    void a_deactivated_persons_stream_closes_within_seconds() {
        Person dora = server.person(boss, "acme", "Dora", Role.AGENT);
        String doraToken = server.signIn("acme", "dora@acme.example", "dora-password");
        try (EventStream stream = EventStream.open(second.port(), "/api/v1/events", doraToken)) {
            assertThat(stream.status).isEqualTo(200);
            TestHttp.Response deactivated =
                    http.send(admin, "PATCH", "/api/v1/agents/" + dora.id().value(), "{\"active\":false}");
            assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);

            assertThat(stream.endsWithin(Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void a_customers_stream_carries_nothing_internal_and_nothing_of_other_customers() {
        try (EventStream carlas = EventStream.open(second.port(), "/api/v1/portal/events", carla);
                EventStream oscars = EventStream.open(server.desk.port(), "/api/v1/portal/events", oscar)) {
            String id = file(carla, "Canary ticket").get("id").asText();
            staffPost(agnes, id, "internal", CANARY + " internal note");
            TestHttp.Response assigned = http.post(
                    admin,
                    "/api/v1/tickets/" + id + "/assign",
                    "{\"assignee_id\":\"" + agnesPerson.id().value() + "\"}");
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
            TestHttp.Response tagged =
                    http.send(admin, "PATCH", "/api/v1/tickets/" + id, "{\"tags\":[\"" + CANARY.toLowerCase() + "\"]}");
            assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
            staffPost(agnes, id, "public", "The public answer");

            List<EventStream.Event> seen = new ArrayList<>();
            Optional<EventStream.Event> event;
            while ((event = carlas.next(Duration.ofSeconds(3))).isPresent()) {
                seen.add(event.get());
            }
            assertThat(seen).extracting(EventStream.Event::type).contains("ticket_created", "message_added");
            assertThat(seen).allSatisfy(e -> assertThat(e.data())
                    .doesNotContainIgnoringCase(CANARY)
                    .doesNotContain("assignee")
                    .doesNotContain("\"version\":1"));
            assertThat(oscars.next(Duration.ofSeconds(2)))
                    .as("another customer's ticket")
                    .isEmpty();
        }
    }

    @Test
    void a_cursor_the_feed_cannot_resume_from_gives_a_reset_then_the_stream_follows_on() {
        try (EventStream stream = EventStream.open(
                server.desk.port(),
                "/api/v1/events",
                Map.of("Authorization", "Bearer " + agnes, "Last-Event-ID", "999999999"))) {
            assertThat(stream.next(WAIT))
                    .hasValueSatisfying(event -> assertThat(event.type()).isEqualTo("reset"));
            String id = file(carla, "After a reset").get("id").asText();
            assertThat(stream.next("ticket_created", WAIT)).hasValueSatisfying(event -> assertThat(
                            json(event.data()).get("ticket_id").asText())
                    .isEqualTo(id));
        }
        assertThat(http.get(agnes, "/api/v1/changes?after=999999999").status()).isEqualTo(400);
        TestHttp.Response notAStreamClient = http.get(agnes, "/api/v1/events");
        assertThat(notAStreamClient.status())
                .as("a client that does not accept text/event-stream")
                .isEqualTo(406);
        assertThat(notAStreamClient.json().get("code").asText()).isEqualTo("NOT_ACCEPTABLE");
    }

    /** The cursors of the staff feed after {@code cursor}, read through {@code GET /changes}. */
    private static List<Long> cursorsAfter(String cursor) {
        TestHttp.Response page = http.get(agnes, "/api/v1/changes?limit=1000&after=" + cursor);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<Long> cursors = new ArrayList<>();
        page.json().get("items").forEach(item -> cursors.add(item.get("cursor").asLong()));
        return cursors;
    }

    private static JsonNode file(String customer, String subject) {
        TestHttp.Response filed = http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + subject + "\",\"description\":\"Details\",\"category\":\"technical\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json();
    }

    private static void staffPost(String token, String ticket, String kind, String body) {
        TestHttp.Response posted = http.post(
                token,
                "/api/v1/tickets/" + ticket + "/messages",
                "{\"kind\":\"" + kind + "\",\"body\":\"" + body + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
