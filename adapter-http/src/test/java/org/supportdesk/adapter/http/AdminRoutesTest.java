package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.journal.JournalAction;

class AdminRoutesTest {
    final TestServer server = new TestServer();
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final TenantFixture globex = server.core.store(new TenantFixture("globex"));
    final String admin = server.tokenFor(acme.admin);
    final String agent = server.tokenFor(acme.agent);
    final String customer = server.tokenFor(acme.customer);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_admin_adds_an_agent_who_can_then_sign_in_and_is_listed() {
        var created = server.post(
                admin,
                "/api/v1/agents",
                """
                {"email": "Nina@acme.example", "name": "Nina", "role": "agent", "password": "long enough"}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.jsonBody().get("email").asText()).isEqualTo("nina@acme.example");
        assertThat(created.body()).doesNotContain("long enough", "password");
        var login = server.post(
                null,
                "/api/v1/auth/login",
                """
                {"tenant": "acme", "email": "nina@acme.example", "password": "long enough"}""");
        assertThat(login.status()).isEqualTo(200);
        var listed = server.get(agent, "/api/v1/agents?limit=2&page=2");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.jsonBody().get("pagination").get("total").asLong()).isEqualTo(4);
        assertThat(listed.jsonBody().get("items")).hasSize(2);
        assertThat(server.core.journal.all()).anyMatch(e -> e.action() == JournalAction.PERSON_CREATED);
    }

    @Test
    void people_routes_refuse_wrong_roles_unknown_fields_taken_addresses_and_other_tenants() {
        assertThat(server.get(agent, "/api/v1/customers").status()).isEqualTo(403);
        assertThat(server.post(agent, "/api/v1/agents", "{}").status()).isEqualTo(403);
        assertThat(server.get(customer, "/api/v1/agents").status()).isEqualTo(403);
        var unknown =
                server.post(admin, "/api/v1/customers", "{\"email\":\"x@acme.example\",\"name\":\"X\",\"vip\":true}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("vip");
        var taken = server.post(admin, "/api/v1/customers", "{\"email\":\"carla@acme.example\",\"name\":\"C\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.jsonBody().get("code").asText()).isEqualTo("CONFLICT");
        var foreign = server.get(admin, "/api/v1/customers/" + globex.customer.id());
        var missing = server.get(admin, "/api/v1/customers/" + UUID.randomUUID());
        var notAnId = server.get(admin, "/api/v1/customers/nope");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(server.get(admin, "/api/v1/agents/" + acme.customer.id()).status())
                .isEqualTo(404);
    }

    @Test
    void a_customer_joins_an_organisation_and_a_deactivated_agent_loses_access_and_assignments() {
        var created = server.post(
                admin,
                "/api/v1/customers",
                "{\"email\":\"cleo@acme.example\",\"name\":\"Cleo\",\"organization_id\":\"" + acme.organization.id()
                        + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.jsonBody().get("organization_id").asText())
                .isEqualTo(acme.organization.id().toString());

        var deactivated = server.patch(admin, "/api/v1/agents/" + acme.agent.id(), "{\"active\":false}", Map.of());
        var badPatch = server.patch(admin, "/api/v1/agents/" + acme.agent.id(), "{\"email\":\"x@y.z\"}", Map.of());
        var selfDemotion = server.patch(admin, "/api/v1/agents/" + acme.admin.id(), "{\"role\":\"agent\"}", Map.of());
        var agentPatch = server.patch(agent, "/api/v1/agents/" + acme.admin.id(), "{\"name\":\"X\"}", Map.of());
        var foreign = server.patch(admin, "/api/v1/agents/" + globex.agent.id(), "{\"name\":\"X\"}", Map.of());

        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.jsonBody().get("active").asBoolean()).isFalse();
        assertThat(server.get(agent, "/api/v1/tickets").status()).isEqualTo(401);
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(badPatch.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("email");
        assertThat(selfDemotion.status()).isEqualTo(400);
        assertThat(agentPatch.status()).isEqualTo(401); // the agent was just deactivated
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(server.core.journal.all()).anyMatch(e -> e.action() == JournalAction.PERSON_UPDATED);
    }

    @Test
    void organisations_are_created_listed_read_and_changed_by_admins_only() {
        var created = server.post(admin, "/api/v1/organizations", "{\"name\":\"Initech\",\"shared_tickets\":false}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.jsonBody().get("id").asText();

        var changed = server.patch(admin, "/api/v1/organizations/" + id, "{\"shared_tickets\":true}", Map.of());
        var listed = server.get(admin, "/api/v1/organizations");

        assertThat(changed.jsonBody().get("shared_tickets").asBoolean()).isTrue();
        assertThat(server.get(admin, "/api/v1/organizations/" + id)
                        .jsonBody()
                        .get("name")
                        .asText())
                .isEqualTo("Initech");
        assertThat(listed.jsonBody().get("pagination").get("total").asLong()).isEqualTo(2);
        assertThat(server.get(agent, "/api/v1/organizations").status()).isEqualTo(403);
        assertThat(server.get(server.tokenFor(globex.admin), "/api/v1/organizations/" + id)
                        .status())
                .isEqualTo(404);
        assertThat(server.post(admin, "/api/v1/organizations", "{\"name\":\"X\",\"size\":3}")
                        .jsonBody()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("size");
    }

    @Test
    void categories_are_read_by_staff_and_replaced_by_admins_but_not_while_in_use() {
        var filed = server.post(
                customer,
                "/api/v1/portal/tickets",
                """
                {"subject": "Printer on fire", "description": "Smoke", "category": "technical"}""");
        assertThat(filed.status()).isEqualTo(201);

        var read = server.get(agent, "/api/v1/categories");
        var inUse = server.put(admin, "/api/v1/categories", "{\"categories\":[\"bug\"]}");
        var replaced = server.put(admin, "/api/v1/categories", "{\"categories\":[\"technical\",\"Hardware\"]}");
        var byAgent = server.put(agent, "/api/v1/categories", "{\"categories\":[\"bug\"]}");
        var portal = server.get(customer, "/api/v1/portal/categories");

        assertThat(read.jsonBody().get("categories")).hasSize(6);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.jsonBody().get("code").asText()).isEqualTo("CONFLICT");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.jsonBody().get("categories").toString()).isEqualTo("[\"hardware\",\"technical\"]");
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(portal.jsonBody().get("categories").toString()).isEqualTo("[\"hardware\",\"technical\"]");
        assertThat(server.get(server.tokenFor(globex.agent), "/api/v1/categories")
                        .jsonBody()
                        .get("categories"))
                .hasSize(6);
    }

    @Test
    void settings_are_read_and_replaced_whole() {
        var before = server.get(admin, "/api/v1/settings");
        var changed = server.put(admin, "/api/v1/settings", "{\"reopen_window_days\":3,\"auto_close_days\":10}");
        var partial = server.put(admin, "/api/v1/settings", "{\"reopen_window_days\":3}");
        var outOfRange = server.put(admin, "/api/v1/settings", "{\"reopen_window_days\":0,\"auto_close_days\":10}");

        assertThat(before.jsonBody().get("reopen_window_days").asInt()).isEqualTo(7);
        assertThat(changed.jsonBody().get("auto_close_days").asInt()).isEqualTo(10);
        assertThat(server.get(admin, "/api/v1/settings")
                        .jsonBody()
                        .get("reopen_window_days")
                        .asInt())
                .isEqualTo(3);
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("auto_close_days");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(server.get(agent, "/api/v1/settings").status()).isEqualTo(403);
        assertThat(server.core.journal.all()).anyMatch(e -> e.action() == JournalAction.SETTINGS_CHANGED);
    }

    @Test
    void a_put_sla_policy_makes_a_new_version_that_get_echoes() {
        var before = server.get(admin, "/api/v1/sla-policy");
        var changed = server.put(
                admin,
                "/api/v1/sla-policy",
                """
                {"targets": {"urgent": {"first_response_minutes": 30, "resolution_minutes": 120},
                             "high": {"first_response_minutes": 60, "resolution_minutes": 480},
                             "medium": {"first_response_minutes": 240, "resolution_minutes": 1440},
                             "low": {"first_response_minutes": 480, "resolution_minutes": 2880}}}""");
        var missingPriority = server.put(
                admin,
                "/api/v1/sla-policy",
                "{\"targets\": {\"urgent\": {\"first_response_minutes\": 30, \"resolution_minutes\": 120}}}");

        assertThat(before.jsonBody().get("version").asInt()).isEqualTo(1);
        assertThat(before.jsonBody()
                        .get("targets")
                        .get("urgent")
                        .get("first_response_minutes")
                        .asInt())
                .isEqualTo(60);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        var after = server.get(admin, "/api/v1/sla-policy").jsonBody();
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(after.get("targets")
                        .get("urgent")
                        .get("first_response_minutes")
                        .asInt())
                .isEqualTo(30);
        assertThat(missingPriority.status()).isEqualTo(400);
        assertThat(missingPriority.body()).contains("targets.high");
        assertThat(server.get(agent, "/api/v1/sla-policy").status()).isEqualTo(403);
    }

    @Test
    void a_put_business_hours_makes_a_new_version_that_get_echoes() {
        var changed = server.put(
                admin,
                "/api/v1/business-hours",
                """
                {"time_zone": "Europe/Berlin", "always_open": false,
                 "weekly_hours": {"monday": [{"from": "09:00", "to": "17:00"}],
                                  "friday": [{"from": "09:00", "to": "12:00"}, {"from": "13:00", "to": "24:00"}]},
                 "holidays": ["2026-12-25"]}""");
        var badZone = server.put(
                admin,
                "/api/v1/business-hours",
                "{\"time_zone\": \"Mars/Olympus\", \"weekly_hours\": {\"monday\": [{\"from\": \"09:00\", \"to\": \"17:00\"}]}}");
        var neverOpen = server.put(admin, "/api/v1/business-hours", "{\"time_zone\": \"UTC\", \"weekly_hours\": {}}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        var read = server.get(admin, "/api/v1/business-hours").jsonBody();
        assertThat(read.get("version").asInt()).isEqualTo(2);
        assertThat(read.get("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(read.get("weekly_hours").get("friday").get(1).get("to").asText())
                .isEqualTo("24:00");
        assertThat(read.get("holidays").get(0).asText()).isEqualTo("2026-12-25");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("time_zone");
        assertThat(neverOpen.status()).isEqualTo(400);
        var alwaysOpen = server.put(admin, "/api/v1/business-hours", "{\"always_open\": true}");
        assertThat(alwaysOpen.jsonBody().get("version").asInt()).isEqualTo(3);
        assertThat(alwaysOpen.jsonBody().get("always_open").asBoolean()).isTrue();
    }

    @Test
    void the_retention_rule_is_set_kept_when_left_out_removed_by_null_and_refused_out_of_range() {
        String delays = "\"reopen_window_days\":7,\"auto_close_days\":7";
        var none = server.get(admin, "/api/v1/settings");
        var set = server.put(admin, "/api/v1/settings", "{" + delays + ",\"erase_closed_after_days\":365}");
        var leftOut = server.put(admin, "/api/v1/settings", "{" + delays + "}");
        var zero = server.put(admin, "/api/v1/settings", "{" + delays + ",\"erase_closed_after_days\":0}");
        var text = server.put(admin, "/api/v1/settings", "{" + delays + ",\"erase_closed_after_days\":\"soon\"}");
        var keptAfterRefusals = server.get(admin, "/api/v1/settings");
        var removed = server.put(admin, "/api/v1/settings", "{" + delays + ",\"erase_closed_after_days\":null}");

        assertThat(none.jsonBody().get("erase_closed_after_days").isNull()).isTrue();
        assertThat(set.jsonBody().get("erase_closed_after_days").asInt()).isEqualTo(365);
        assertThat(leftOut.jsonBody().get("erase_closed_after_days").asInt()).isEqualTo(365);
        for (var refused : List.of(zero, text)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.jsonBody().get("errors").get(0).get("field").asText())
                    .isEqualTo("erase_closed_after_days");
        }
        assertThat(keptAfterRefusals.jsonBody().get("erase_closed_after_days").asInt())
                .isEqualTo(365);
        assertThat(removed.jsonBody().get("erase_closed_after_days").isNull()).isTrue();
        assertThat(server.core.journal.all())
                .anyMatch(e -> e.action() == JournalAction.SETTINGS_CHANGED
                        && e.changes().stream().anyMatch(c -> c.field().equals("erase_closed_after_days")));
    }

    @Test
    void settings_that_would_make_every_due_time_expensive_are_400_and_change_nothing() {
        var hugeTarget = server.put(
                admin,
                "/api/v1/sla-policy",
                """
                {"targets": {"urgent": {"first_response_minutes": 30, "resolution_minutes": 120},
                             "high": {"first_response_minutes": 60, "resolution_minutes": 480},
                             "medium": {"first_response_minutes": 240, "resolution_minutes": 1440},
                             "low": {"first_response_minutes": 480, "resolution_minutes": 2147483647}}}""");
        var oneMinuteAWeek = server.put(
                admin,
                "/api/v1/business-hours",
                "{\"time_zone\": \"UTC\", \"weekly_hours\": {\"monday\": [{\"from\": \"09:00\", \"to\": \"09:01\"}]}}");

        assertThat(hugeTarget.status()).isEqualTo(400);
        assertThat(hugeTarget.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("targets.low");
        assertThat(oneMinuteAWeek.status()).isEqualTo(400);
        assertThat(oneMinuteAWeek.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("weekly_hours.monday");
        assertThat(server.get(admin, "/api/v1/sla-policy")
                        .jsonBody()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(server.get(admin, "/api/v1/business-hours")
                        .jsonBody()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void portal_me_counts_the_customers_own_tickets_by_state() {
        for (int i = 0; i < 3; i++) {
            server.post(
                    customer,
                    "/api/v1/portal/tickets",
                    "{\"subject\":\"Ticket " + i + "\",\"description\":\"x\",\"category\":\"bug\"}");
        }
        String first = server.get(customer, "/api/v1/portal/tickets?limit=1")
                .jsonBody()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        server.post(customer, "/api/v1/portal/tickets/" + first + "/close", "{}");

        var me = server.get(customer, "/api/v1/portal/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.jsonBody().get("email").asText()).isEqualTo("carla@acme.example");
        assertThat(me.jsonBody().get("organization").get("id").asText())
                .isEqualTo(acme.organization.id().toString());
        assertThat(me.jsonBody().get("stats").get("total").asLong()).isEqualTo(3);
        assertThat(me.jsonBody().get("stats").get("open").asLong()).isEqualTo(2);
        assertThat(me.jsonBody().get("stats").get("resolved").asLong()).isEqualTo(1);
        assertThat(server.get(server.tokenFor(acme.colleague), "/api/v1/portal/me")
                        .jsonBody()
                        .get("stats")
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(server.get(agent, "/api/v1/portal/me").status()).isEqualTo(403);
    }
}
