package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Splitting a ticket over HTTP (§16): {@code POST /tickets/{id}/split} moves the chosen messages to a new ticket of
 * the same requester; nothing is lost or duplicated, the customer sees both tickets, both journal the split, the new
 * ticket's SLA clocks run from the split, and the journal's chain still verifies.
 */
@Timeout(180)
class SplitTicketTest {
    private static ApiServer api;
    private static ApiServer.Acme acme;
    private static String admin;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        api = ApiServer.start(dataDir);
        acme = api.acme();
        admin = api.signIn("acme", "boss@acme.example", "boss-password");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void the_chosen_messages_move_to_a_new_ticket_of_the_same_requester() {
        String source = conversation();
        Map<String, String> before = messages(acme.agent(), source);
        List<String> chosen = before.entrySet().stream()
                .filter(m -> m.getValue().contains("printer"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(chosen).hasSize(2);

        TestHttp.Response split = api.http.post(
                acme.agent(), "/api/v1/tickets/" + source + "/split", "{\"message_ids\":" + quoted(chosen) + "}");

        assertThat(split.status()).as(split.body()).isEqualTo(201);
        String created = split.json().get("id").asText();
        assertThat(split.json().get("requester").get("id").asText())
                .isEqualTo(acme.carla().id().value().toString());
        assertThat(split.json().get("subject").asText()).isEqualTo("Laptop and printer");
        Map<String, String> left = messages(acme.agent(), source);
        Map<String, String> moved = messages(acme.agent(), created);
        assertThat(moved.keySet()).containsExactlyElementsOf(chosen);
        Set<String> all = new HashSet<>(left.keySet());
        assertThat(all.addAll(moved.keySet())).isTrue();
        assertThat(all).isEqualTo(before.keySet()).hasSize(left.size() + moved.size());
        assertThat(api.http
                        .get(acme.agent(), "/api/v1/tickets/" + source)
                        .json()
                        .get("messages_count")
                        .asInt())
                .isEqualTo(left.size());
        assertThat(split.json().get("messages_count").asInt()).isEqualTo(moved.size());

        List<String> portal = new ArrayList<>();
        api.http
                .get(acme.customer(), "/api/v1/portal/tickets")
                .json()
                .get("items")
                .forEach(t -> portal.add(t.get("id").asText()));
        assertThat(portal).contains(source, created);
        assertThat(api.http
                        .get(acme.customer(), "/api/v1/portal/tickets/" + created)
                        .json()
                        .get("messages")
                        .toString())
                .contains("The printer jams too");

        JsonNode journal = api.http
                .get(admin, "/api/v1/audit-log?target=" + source + "&action=ticket_split")
                .json();
        assertThat(journal.get("items")).hasSize(1);
        assertThat(journal.get("items").get(0).get("changes").toString()).contains("split_to", created);
        assertThat(api.http
                        .get(admin, "/api/v1/audit-log?target=" + created + "&action=ticket_split")
                        .json()
                        .get("items")
                        .get(0)
                        .get("changes")
                        .toString())
                .contains("split_from", source);
        JsonNode sla = api.http
                .get(acme.agent(), "/api/v1/tickets/" + created + "/sla")
                .json();
        assertThat(sla.get("targets").get("first_response").get("state").asText())
                .isEqualTo("running");
        assertThat(api.http
                        .get(admin, "/api/v1/audit-log/verify")
                        .json()
                        .get("verified")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void a_split_that_does_not_fit_is_refused_and_changes_nothing() {
        String source = conversation();
        String other = conversation();
        Map<String, String> before = messages(acme.agent(), source);
        String foreign = messages(acme.agent(), other).keySet().iterator().next();

        assertThat(split(acme.agent(), source, "{\"message_ids\":[\"" + foreign + "\"]}"))
                .isEqualTo(400);
        assertThat(split(acme.agent(), source, "{\"message_ids\":[]}")).isEqualTo(400);
        assertThat(split(acme.agent(), source, "{\"message_ids\":[\"not-an-id\"]}"))
                .isEqualTo(400);
        assertThat(split(acme.customer(), source, "{\"message_ids\":[\"" + foreign + "\"]}"))
                .isEqualTo(403);
        assertThat(split(acme.agent(), "TKT-2099-999999", "{\"message_ids\":[\"" + foreign + "\"]}"))
                .isEqualTo(404);
        assertThat(messages(acme.agent(), source)).isEqualTo(before);
    }

    /** Carla's ticket about two things, with replies from both sides and an internal note. */
    private static String conversation() {
        String ticket = post(
                        acme.customer(),
                        "/api/v1/portal/tickets",
                        "{\"subject\":\"Laptop and printer\",\"description\":\"Two problems\","
                                + "\"category\":\"technical\"}")
                .get("id")
                .asText();
        post(
                acme.agent(),
                "/api/v1/tickets/" + ticket + "/messages",
                "{\"kind\":\"public\",\"body\":\"Laptop first\"}");
        post(acme.customer(), "/api/v1/portal/tickets/" + ticket + "/messages", "{\"body\":\"The printer jams too\"}");
        post(
                acme.agent(),
                "/api/v1/tickets/" + ticket + "/messages",
                "{\"kind\":\"internal\",\"body\":\"Laptop RMA\"}");
        post(
                acme.agent(),
                "/api/v1/tickets/" + ticket + "/messages",
                "{\"kind\":\"public\",\"body\":\"About the printer\"}");
        return ticket;
    }

    /** The ticket's messages as staff see them, id to body, in conversation order. */
    private static Map<String, String> messages(String token, String ticket) {
        Map<String, String> bodies = new LinkedHashMap<>();
        TestHttp.Response listed = api.http.get(token, "/api/v1/tickets/" + ticket + "/messages?limit=200");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        listed.json()
                .get("items")
                .forEach(m -> bodies.put(m.get("id").asText(), m.get("body").asText()));
        return bodies;
    }

    private static int split(String token, String ticket, String body) {
        return api.http
                .post(token, "/api/v1/tickets/" + ticket + "/split", body)
                .status();
    }

    private static JsonNode post(String token, String path, String body) {
        TestHttp.Response response = api.http.post(token, path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static String quoted(List<String> ids) {
        return "[\"" + String.join("\",\"", ids) + "\"]";
    }
}
