package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.TenantFixture;

/** The call-back routes over real HTTP and the in-memory core; every answer is checked against the OpenAPI. */
class CallRoutesTest {
    final TestServer server = new TestServer();
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final TenantFixture globex = server.core.store(new TenantFixture("globex"));
    final String customer = server.tokenFor(acme.customer);
    final String agent = server.tokenFor(acme.agent);

    @AfterEach
    void stop() {
        server.close();
    }

    TestServer.Response ask(String token, String body) {
        return server.post(token, "/api/v1/portal/calls", body);
    }

    String at(Duration fromNow) {
        return server.core.clock.instant().plus(fromNow).toString();
    }

    @Test
    void a_customer_asks_now_or_within_thirty_days_and_never_in_the_past_or_beyond() {
        var now = ask(customer, "{\"phone\":\"+49 30 1234567\",\"note\":\"About my invoice\"}");
        var later = ask(customer, "{\"scheduled_at\":\"" + at(Duration.ofDays(30)) + "\"}");
        var past = ask(customer, "{\"scheduled_at\":\"" + at(Duration.ofMinutes(-1)) + "\"}");
        var beyond = ask(customer, "{\"scheduled_at\":\"" + at(Duration.ofDays(31)) + "\"}");
        var garbled = ask(customer, "{\"scheduled_at\":\"tomorrow\",\"phone\":\"call me\"}");
        var staffField = ask(customer, "{\"assignee_id\":\"" + acme.agent.id() + "\"}");

        assertThat(now.status()).as(now.body()).isEqualTo(201);
        assertThat(now.jsonBody().get("status").asText()).isEqualTo("requested");
        assertThat(now.jsonBody().get("scheduled_at").isNull()).isTrue();
        assertThat(later.status()).isEqualTo(201);
        for (var refused : List.of(past, beyond)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.jsonBody().get("errors").get(0).get("field").asText())
                    .isEqualTo("scheduled_at");
        }
        assertThat(fields(garbled.jsonBody())).containsExactlyInAnyOrder("scheduled_at", "phone");
        assertThat(staffField.status()).isEqualTo(400);
        assertThat(staffField.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("assignee_id");
    }

    @Test
    void a_customer_cannot_attach_a_ticket_they_may_not_see() {
        String theirs = file(customer);
        String oscars = file(server.tokenFor(acme.otherCustomer));

        var own = ask(customer, "{\"ticket_id\":\"" + theirs + "\"}");
        var foreign = ask(customer, "{\"ticket_id\":\"" + oscars + "\"}");
        var missing = ask(customer, "{\"ticket_id\":\"" + UUID.randomUUID() + "\"}");

        assertThat(own.jsonBody().get("ticket_id").asText()).isEqualTo(theirs);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(foreign.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("ticket_id");
    }

    @Test
    void customers_list_only_their_own_calls_and_see_nothing_of_the_staffs() {
        String id = ask(customer, "{}").jsonBody().get("id").asText();
        ask(server.tokenFor(acme.colleague), "{}");
        server.patch(
                agent,
                "/api/v1/calls/" + id,
                "{\"assignee_id\":\"" + acme.agent.id() + "\",\"outcome\":\"Internal remark\"}",
                Map.of());

        var own = server.get(customer, "/api/v1/portal/calls");

        assertThat(own.jsonBody().get("pagination").get("total").asInt()).isEqualTo(1);
        assertThat(own.jsonBody().get("items").get(0).get("id").asText()).isEqualTo(id);
        assertThat(own.body())
                .doesNotContain("Internal remark", "assignee", acme.agent.id().toString());
    }

    @Test
    void staff_work_the_queue_by_status_assignee_and_due_window() {
        String now = ask(customer, "{}").jsonBody().get("id").asText();
        String later = ask(customer, "{\"scheduled_at\":\"" + at(Duration.ofHours(5)) + "\"}")
                .jsonBody()
                .get("id")
                .asText();
        server.patch(agent, "/api/v1/calls/" + later, "{\"assignee_id\":\"" + acme.agent.id() + "\"}", Map.of());
        String inAnHour = at(Duration.ofHours(1));

        assertThat(ids(server.get(agent, "/api/v1/calls"))).containsExactly(now, later);
        assertThat(ids(server.get(agent, "/api/v1/calls?assignee=me"))).containsExactly(later);
        assertThat(ids(server.get(agent, "/api/v1/calls?assignee=none"))).containsExactly(now);
        assertThat(ids(server.get(agent, "/api/v1/calls?due_from=" + inAnHour))).containsExactly(later);
        assertThat(ids(server.get(agent, "/api/v1/calls?due_to=" + inAnHour))).containsExactly(now);
        assertThat(ids(server.get(agent, "/api/v1/calls?status=scheduled"))).isEmpty();
        assertThat(server.get(agent, "/api/v1/calls?status=ringing").status()).isEqualTo(400);
        assertThat(server.get(agent, "/api/v1/calls/" + now)
                        .jsonBody()
                        .get("requester")
                        .get("name")
                        .asText())
                .isEqualTo("Carla");
        assertThat(server.get(server.tokenFor(globex.agent), "/api/v1/calls/" + now)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void an_invalid_transition_is_a_409_naming_the_allowed_targets() {
        String id = ask(customer, "{}").jsonBody().get("id").asText();

        var unscheduled = server.patch(agent, "/api/v1/calls/" + id, "{\"status\":\"scheduled\"}", Map.of());
        var scheduled = server.patch(
                agent,
                "/api/v1/calls/" + id,
                "{\"status\":\"scheduled\",\"scheduled_at\":\"" + at(Duration.ofHours(2)) + "\"}",
                Map.of());
        var done = server.patch(agent, "/api/v1/calls/" + id, "{\"status\":\"done\",\"outcome\":\"Sorted\"}", Map.of());
        var back = server.patch(agent, "/api/v1/calls/" + id, "{\"status\":\"requested\"}", Map.of());
        var same = server.patch(agent, "/api/v1/calls/" + id, "{\"outcome\":\"Sorted\"}", Map.of());

        assertThat(unscheduled.status()).isEqualTo(400);
        assertThat(scheduled.jsonBody().get("due_at").asText()).isEqualTo(at(Duration.ofHours(2)));
        assertThat(done.jsonBody().get("status").asText()).isEqualTo("done");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.jsonBody().get("code").asText()).isEqualTo("INVALID_TRANSITION");
        assertThat(back.jsonBody().get("allowed_targets")).isEmpty();
        assertThat(same.jsonBody().get("code").asText()).isEqualTo("NO_CHANGES");

        String fresh = ask(customer, "{}").jsonBody().get("id").asText();
        var toRequested = server.patch(agent, "/api/v1/calls/" + fresh, "{\"status\":\"requested\"}", Map.of());
        assertThat(toRequested.jsonBody().get("code").asText()).isEqualTo("NO_CHANGES");
        server.patch(
                agent,
                "/api/v1/calls/" + fresh,
                "{\"status\":\"scheduled\",\"scheduled_at\":\"" + at(Duration.ofHours(2)) + "\"}",
                Map.of());
        var refused = server.patch(agent, "/api/v1/calls/" + fresh, "{\"status\":\"requested\"}", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        List<String> targets = new ArrayList<>();
        refused.jsonBody().get("allowed_targets").forEach(t -> targets.add(t.asText()));
        assertThat(targets).containsExactly("done", "cancelled");
    }

    @Test
    void the_assignee_must_be_an_active_staff_member() {
        String id = ask(customer, "{}").jsonBody().get("id").asText();

        var deactivated = server.patch(
                agent, "/api/v1/calls/" + id, "{\"assignee_id\":\"" + acme.deactivatedAgent.id() + "\"}", Map.of());

        assertThat(deactivated.status()).isEqualTo(400);
        assertThat(deactivated.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("assignee_id");
    }

    @Test
    void an_idempotency_key_replays_the_first_request() {
        Map<String, String> key = Map.of("Idempotency-Key", "call-1");

        var first = server.send(customer, "POST", "/api/v1/portal/calls", "{\"note\":\"Once\"}", key);
        var again = server.send(customer, "POST", "/api/v1/portal/calls", "{\"note\":\"Once\"}", key);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(server.get(customer, "/api/v1/portal/calls")
                        .jsonBody()
                        .get("pagination")
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    private String file(String token) {
        var filed = server.post(
                token,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Printer\",\"description\":\"Broken\",\"category\":\"technical\"}");
        return filed.jsonBody().get("id").asText();
    }

    private static List<String> ids(TestServer.Response page) {
        List<String> ids = new ArrayList<>();
        page.jsonBody().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
