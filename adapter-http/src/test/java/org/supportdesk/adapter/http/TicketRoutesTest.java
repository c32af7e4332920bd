package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.TenantFixture;

class TicketRoutesTest {
    final TestServer server = new TestServer();
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final TenantFixture globex = server.core.store(new TenantFixture("globex"));
    final String customer = server.tokenFor(acme.customer);
    final String agent = server.tokenFor(acme.agent);

    @AfterEach
    void stop() {
        server.close();
    }

    String file() {
        var filed = server.post(
                customer,
                "/api/v1/portal/tickets",
                """
                {"subject": "Printer on fire", "description": "Smoke everywhere", "category": "technical",
                 "priority": "P1", "page_url": "https://app.example/print"}""");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.jsonBody().get("id").asText();
    }

    @Test
    void a_customer_files_and_an_agent_answers_and_the_customer_sees_only_public_messages() {
        String id = file();

        var note = server.post(
                agent,
                "/api/v1/tickets/" + id + "/messages",
                """
                {"kind": "internal", "body": "Secret plan"}""");
        var reply = server.post(
                agent,
                "/api/v1/tickets/" + id + "/messages",
                """
                {"kind": "public", "body": "Unplug it"}""");
        var staffView = server.get(agent, "/api/v1/tickets/" + id);
        var customerView = server.get(customer, "/api/v1/portal/tickets/" + id);

        assertThat(note.status()).isEqualTo(201);
        assertThat(reply.status()).isEqualTo(201);
        assertThat(staffView.status()).isEqualTo(200);
        JsonNode staff = staffView.jsonBody();
        assertThat(staff.get("status").asText()).isEqualTo("in_progress");
        assertThat(staff.get("priority").asText()).isEqualTo("urgent");
        assertThat(staff.get("first_responded_at").isNull()).isFalse();
        assertThat(staff.get("requester").get("name").asText()).isEqualTo("Carla");
        assertThat(staff.get("sla").get("first_response").get("state").asText()).isEqualTo("met");
        assertThat(staffView.header("ETag"))
                .contains("\"" + staff.get("version").asLong() + "\"");
        assertThat(customerView.status()).isEqualTo(200);
        assertThat(customerView.body()).doesNotContain("Secret plan", "assignee", "tags", "sla", "escalat");
        assertThat(customerView.jsonBody().get("messages")).hasSize(2);
    }

    @Test
    void other_customers_and_tenants_get_the_same_404_as_for_a_missing_ticket() {
        String id = file();

        var stranger = server.get(server.tokenFor(acme.otherCustomer), "/api/v1/portal/tickets/" + id);
        var foreignAgent = server.get(server.tokenFor(globex.agent), "/api/v1/tickets/" + id);
        var missing = server.get(agent, "/api/v1/tickets/" + java.util.UUID.randomUUID());

        assertThat(stranger.status()).isEqualTo(404);
        assertThat(foreignAgent.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(stranger.jsonBody().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(stranger.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void a_customer_cannot_set_staff_fields_and_nothing_is_filed() {
        var refused = server.post(
                customer,
                "/api/v1/portal/tickets",
                """
                {"subject": "Hi there", "description": "x", "category": "bug", "status": "resolved"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.jsonBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("status");
        assertThat(server.core.tickets.size()).isZero();
    }

    @Test
    void roles_are_checked_per_route_and_tokens_are_required() {
        assertThat(server.get(null, "/api/v1/tickets").status()).isEqualTo(401);
        assertThat(server.get("not-a-jwt", "/api/v1/tickets").status()).isEqualTo(401);
        assertThat(server.get(customer, "/api/v1/tickets").status()).isEqualTo(403);
        assertThat(server.get(agent, "/api/v1/portal/tickets").status()).isEqualTo(403);
        assertThat(server.send(agent, "DELETE", "/api/v1/tickets/TKT-2026-000001", null, Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void patch_honours_if_match_and_refuses_no_changes() {
        String id = file();
        long version = server.get(agent, "/api/v1/tickets/" + id)
                .jsonBody()
                .get("version")
                .asLong();

        var stale = server.patch(
                agent,
                "/api/v1/tickets/" + id,
                "{\"priority\":\"low\"}",
                Map.of("If-Match", "\"" + (version + 1) + "\""));
        var anotherSpelling = server.patch( // S15: "07" is not the ETag the server wrote for version 7
                agent, "/api/v1/tickets/" + id, "{\"priority\":\"low\"}", Map.of("If-Match", "\"0" + version + "\""));
        var changed = server.patch(
                agent,
                "/api/v1/tickets/" + id,
                "{\"priority\":\"low\", \"tags\":[\"VIP\"]}",
                Map.of("If-Match", "\"" + version + "\""));
        var same = server.patch(agent, "/api/v1/tickets/" + id, "{\"priority\":\"low\"}", Map.of());

        assertThat(stale.status()).isEqualTo(412);
        assertThat(anotherSpelling.status()).isEqualTo(412);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.jsonBody().get("tags").get(0).asText()).isEqualTo("vip");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.jsonBody().get("code").asText()).isEqualTo("NO_CHANGES");
    }

    @Test
    void escalating_without_a_reason_is_a_400_naming_it() { // S15: found by the HTTP fuzz run as a 500
        String id = file();

        for (String body : new String[] {"{}", "{\"reason\": null}"}) {
            var refused = server.post(agent, "/api/v1/tickets/" + id + "/escalate", body);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.jsonBody().get("errors").get(0).get("field").asText())
                    .isEqualTo("reason");
        }
    }

    @Test
    void problems_speak_russian_when_asked_and_unknown_routes_and_methods_are_problems_too() {
        var russian = server.send(agent, "GET", "/api/v1/tickets/nope", null, Map.of("Accept-Language", "ru"));
        var unknown = server.get(agent, "/api/v1/nothing-here");
        var wrongMethod = server.send(agent, "PUT", "/api/v1/tickets", "{}", Map.of());
        var malformed = server.post(customer, "/api/v1/portal/tickets", "{\"subject\": ");

        assertThat(russian.jsonBody().get("title").asText()).isEqualTo("Не найдено");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.jsonBody().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.jsonBody().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.jsonBody().get("code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_refuses_another_body() {
        String body =
                """
                {"subject": "Printer on fire", "description": "Smoke", "category": "technical"}""";
        Map<String, String> key = Map.of("Idempotency-Key", "k-123");

        var first = server.send(customer, "POST", "/api/v1/portal/tickets", body, key);
        var again = server.send(customer, "POST", "/api/v1/portal/tickets", body, key);
        var other = server.send(customer, "POST", "/api/v1/portal/tickets", body.replace("Smoke", "Fire"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.jsonBody().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(server.core.tickets.size()).isEqualTo(1);
    }

    @Test
    void customers_get_an_etag_that_changes_only_with_what_they_see_and_close_honours_it() {
        String id = file();
        var first = server.get(customer, "/api/v1/portal/tickets/" + id);
        // Time passes before the note: a customer's updated_at must not move with it (it once did).
        server.core.clock.advance(Duration.ofMinutes(10));
        server.post(
                agent,
                "/api/v1/tickets/" + id + "/messages",
                """
                {"kind": "internal", "body": "Staff only"}""");
        var afterNote = server.get(customer, "/api/v1/portal/tickets/" + id);
        server.post(
                agent,
                "/api/v1/tickets/" + id + "/messages",
                """
                {"kind": "public", "body": "Visible"}""");
        var afterReply = server.get(customer, "/api/v1/portal/tickets/" + id);

        assertThat(first.header("ETag")).isPresent();
        assertThat(afterNote.header("ETag"))
                .as("an internal note changes nothing a customer sees")
                .isEqualTo(first.header("ETag"));
        assertThat(afterNote.jsonBody().get("updated_at"))
                .isEqualTo(first.jsonBody().get("updated_at"));
        assertThat(afterNote.body()).isEqualTo(first.body());
        assertThat(afterReply.header("ETag")).isNotEqualTo(first.header("ETag"));
        var stale = server.send(
                customer,
                "POST",
                "/api/v1/portal/tickets/" + id + "/close",
                null,
                Map.of("If-Match", first.header("ETag").orElseThrow()));
        var current = server.send(
                customer,
                "POST",
                "/api/v1/portal/tickets/" + id + "/close",
                null,
                Map.of("If-Match", afterReply.header("ETag").orElseThrow()));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body()).as("no internal version told to a customer").doesNotContain("version");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.jsonBody().get("status").asText()).isEqualTo("closed");
    }
}
