package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Merging and unmerging over HTTP (§16): the target's conversation reads the merged ticket's messages by reference, a
 * customer reads only what was theirs, a merge and its unmerge leave every customer view byte for byte as it was, both
 * tickets journal both, and what does not fit is refused without a change.
 */
@Timeout(180)
class MergeTicketTest {
    private static ApiServer api;
    private static ApiServer.Acme acme;
    private static String admin;
    private static String dora;
    private static String globexAgent;
    private static String globexTicket;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        api = ApiServer.start(dataDir);
        acme = api.acme();
        admin = api.signIn("acme", "boss@acme.example", "boss-password");
        api.person(acme.admin(), "acme", "Dora", Role.CUSTOMER);
        dora = api.signIn("acme", "dora@acme.example", "dora-password");
        StaffActor globex = Onboarding.tenant(api.desk.useCases(), "globex", "boss@globex.example", "boss-password");
        Person gina = api.person(globex, "globex", "Gina", Role.CUSTOMER);
        api.person(globex, "globex", "Gus", Role.AGENT);
        globexAgent = api.signIn("globex", "gus@globex.example", "gus-password");
        globexTicket = ticket(api.signIn("globex", "gina@globex.example", "gina-password"), "Globex problem", "Theirs");
        assertThat(gina.name()).isEqualTo("Gina");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void a_merge_and_its_unmerge_leave_both_tickets_as_they_were_for_the_customer_byte_for_byte() {
        String duplicate = ticket(acme.customer(), "Printer jams", "It jams on page two");
        String kept = ticket(acme.customer(), "Printer jams again", "Still jamming");
        reply(acme.agent(), duplicate, "public", "Which tray?");
        reply(acme.customer(), duplicate, null, "Tray one");
        reply(acme.agent(), kept, "internal", "Same as the other one");
        List<String> before = customerViews(duplicate, kept);
        JsonNode keptBefore = staffView(kept);
        JsonNode duplicateBefore = staffView(duplicate);

        TestHttp.Response merged = merge(acme.agent(), duplicate, "{\"into\":\"" + kept + "\"}");

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("status").asText()).isEqualTo("closed");
        assertThat(merged.json().get("merged_into").asText()).isEqualTo(kept);
        assertThat(merged.etag()).isEqualTo("\"" + merged.json().get("version").asLong() + "\"");
        assertThat(bodies(api.http.get(acme.agent(), "/api/v1/tickets/" + kept).json()))
                .containsExactly("Which tray?", "Tray one", "Same as the other one");
        assertThat(bodies(api.http
                        .get(acme.agent(), "/api/v1/tickets/" + kept + "/messages")
                        .json()
                        .get("items")))
                .containsExactly("Which tray?", "Tray one", "Same as the other one");
        JsonNode portalKept =
                api.http.get(acme.customer(), "/api/v1/portal/tickets/" + kept).json();
        assertThat(bodies(portalKept)).containsExactly("Which tray?", "Tray one");
        assertThat(api.http
                        .get(acme.customer(), "/api/v1/portal/tickets/" + duplicate)
                        .json()
                        .get("merged_into")
                        .asText())
                .isEqualTo(kept);
        assertThat(reply(acme.customer(), duplicate, null, "More?").status()).isEqualTo(409);
        assertThat(reply(acme.agent(), duplicate, "public", "More?").status()).isEqualTo(409);
        assertThat(staffView(kept).get("updated_at")).isEqualTo(keptBefore.get("updated_at"));

        TestHttp.Response unmerged = api.http.post(acme.agent(), "/api/v1/tickets/" + duplicate + "/unmerge", "");

        assertThat(unmerged.status()).as(unmerged.body()).isEqualTo(200);
        assertThat(customerViews(duplicate, kept)).isEqualTo(before);
        assertThat(withoutVersion(staffView(duplicate))).isEqualTo(withoutVersion(duplicateBefore));
        assertThat(withoutVersion(staffView(kept))).isEqualTo(withoutVersion(keptBefore));
        assertThat(staffView(duplicate).get("version").asLong())
                .isEqualTo(duplicateBefore.get("version").asLong() + 2);
        assertThat(actions(duplicate)).contains("ticket_merged", "ticket_unmerged");
        assertThat(actions(kept)).contains("ticket_merged", "ticket_unmerged");
        assertThat(api.http
                        .get(admin, "/api/v1/audit-log?target=" + kept + "&action=ticket_merged")
                        .json()
                        .get("items")
                        .get(0)
                        .get("changes")
                        .toString())
                .contains("merged_from", duplicate);
        assertThat(api.http
                        .get(admin, "/api/v1/audit-log/verify")
                        .json()
                        .get("verified")
                        .asBoolean())
                .isTrue();
        assertThat(reply(acme.customer(), duplicate, null, "Thanks").status()).isEqualTo(201);
    }

    @Test
    void tickets_of_two_requesters_merge_only_when_confirmed_and_neither_reads_the_others_messages() {
        String carlas = ticket(acme.customer(), "VPN down", "Carla's secret detail");
        String dorasTicket = ticket(dora, "VPN broken", "Dora's own words");

        TestHttp.Response unconfirmed = merge(acme.agent(), carlas, "{\"into\":\"" + dorasTicket + "\"}");
        assertThat(unconfirmed.status()).isEqualTo(409);
        assertThat(unconfirmed.json().get("code").asText()).isEqualTo("CONFLICT");
        assertThat(staffView(carlas).get("status").asText()).isEqualTo("new");

        reply(acme.customer(), carlas, null, "Carla writes again");
        TestHttp.Response confirmed =
                merge(acme.agent(), carlas, "{\"into\":\"" + dorasTicket + "\",\"confirm_different_requester\":true}");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(bodies(staffView(dorasTicket))).contains("Carla writes again");
        String dorasView =
                api.http.get(dora, "/api/v1/portal/tickets/" + dorasTicket).body();
        assertThat(dorasView).doesNotContain("Carla");
        assertThat(api.http
                        .get(dora, "/api/v1/portal/tickets/" + dorasTicket + "/messages")
                        .body())
                .doesNotContain("Carla");
        assertThat(api.http
                        .get(acme.customer(), "/api/v1/portal/tickets/" + dorasTicket)
                        .status())
                .isEqualTo(404);
        assertThat(bodies(api.http
                        .get(acme.customer(), "/api/v1/portal/tickets/" + carlas)
                        .json()))
                .containsExactly("Carla writes again");
    }

    @Test
    void a_merge_or_unmerge_that_does_not_fit_is_refused_and_changes_nothing() {
        String one = ticket(acme.customer(), "One", "first");
        String two = ticket(acme.customer(), "Two", "second");
        String three = ticket(acme.customer(), "Three", "third");
        JsonNode oneBefore = staffView(one);

        assertThat(merge(acme.agent(), one, "{\"into\":\"" + one + "\"}").status())
                .isEqualTo(400);
        assertThat(merge(acme.agent(), one, "{}").status()).isEqualTo(400);
        assertThat(merge(acme.agent(), one, "{\"into\":\"not a ticket\"}").status())
                .isEqualTo(400);
        assertThat(merge(acme.agent(), one, "{\"into\":\"TKT-2099-999999\"}").status())
                .isEqualTo(400);
        assertThat(merge(acme.agent(), one, "{\"into\":\"" + globexTicket + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(merge(globexAgent, one, "{\"into\":\"" + globexTicket + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(merge(acme.customer(), one, "{\"into\":\"" + two + "\"}").status())
                .isEqualTo(403);
        assertThat(api.http
                        .post(acme.agent(), "/api/v1/tickets/" + one + "/unmerge", "")
                        .status())
                .isEqualTo(409);
        assertThat(merge(acme.agent(), one, "{\"into\":\"" + two + "\",\"surprise\":1}")
                        .status())
                .isEqualTo(400);
        assertThat(staffView(one)).isEqualTo(oneBefore);

        assertThat(merge(acme.agent(), two, "{\"into\":\"" + three + "\"}").status())
                .isEqualTo(200);
        TestHttp.Response chained = merge(acme.agent(), one, "{\"into\":\"" + two + "\"}");
        assertThat(chained.status()).isEqualTo(409);
        assertThat(chained.json().get("code").asText()).isEqualTo("TICKET_CLOSED");
        assertThat(merge(acme.agent(), two, "{\"into\":\"" + one + "\"}").status())
                .isEqualTo(409);
        TestHttp.Response stale = api.http.send(
                acme.agent(),
                "POST",
                "/api/v1/tickets/" + one + "/merge",
                "{\"into\":\"" + three + "\"}",
                Map.of("If-Match", "\"" + (oneBefore.get("version").asLong() + 5) + "\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(staffView(one)).isEqualTo(oneBefore);
        assertThat(bodies(staffView(three))).isEmpty();
    }

    private static TestHttp.Response merge(String token, String ticket, String body) {
        return api.http.post(token, "/api/v1/tickets/" + ticket + "/merge", body);
    }

    private static String ticket(String customer, String subject, String description) {
        TestHttp.Response filed = api.http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + subject + "\",\"description\":\"" + description + "\",\"category\":\"technical\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    /** Staff post with {@code kind}; a customer (kind null) posts through the portal. */
    private static TestHttp.Response reply(String token, String ticket, String kind, String body) {
        return kind == null
                ? api.http.post(token, "/api/v1/portal/tickets/" + ticket + "/messages", "{\"body\":\"" + body + "\"}")
                : api.http.post(
                        token,
                        "/api/v1/tickets/" + ticket + "/messages",
                        "{\"kind\":\"" + kind + "\",\"body\":\"" + body + "\"}");
    }

    /** The requester's detail and message list of each ticket, as the bytes the server sent, with their ETags. */
    private static List<String> customerViews(String... tickets) {
        return Arrays.stream(tickets)
                .flatMap(t -> Stream.of(
                        api.http.get(acme.customer(), "/api/v1/portal/tickets/" + t),
                        api.http.get(acme.customer(), "/api/v1/portal/tickets/" + t + "/messages")))
                .map(r -> r.status() + " " + r.etag() + "\n" + r.body())
                .toList();
    }

    private static JsonNode staffView(String ticket) {
        TestHttp.Response response = api.http.get(acme.agent(), "/api/v1/tickets/" + ticket);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode withoutVersion(JsonNode ticket) {
        ObjectNode copy = ticket.deepCopy();
        copy.remove("version");
        return copy;
    }

    private static List<String> bodies(JsonNode ticketOrItems) {
        JsonNode messages = ticketOrItems.has("messages") ? ticketOrItems.get("messages") : ticketOrItems;
        List<String> bodies = new ArrayList<>();
        messages.forEach(m -> {
            if (!m.get("kind").asText().equals("system")) {
                bodies.add(m.get("body").asText());
            }
        });
        return bodies;
    }

    private static List<String> actions(String ticket) {
        List<String> actions = new ArrayList<>();
        api.http
                .get(acme.agent(), "/api/v1/tickets/" + ticket + "/history")
                .json()
                .get("items")
                .forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }
}
