package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * FreeScout CVE-2026-40591 (CWE-639, sentinelone.com/vulnerability-database/cve-2026-40591): a phone conversation could
 * be created for a customer of another mailbox, binding the agent's ticket to a person they had no right to reach. Here
 * every route that binds a ticket or a person to someone by id (filing a phone ticket for a requester, assigning, a
 * customer's organisation) answers another tenant's id exactly as an id nobody has, and binds nothing.
 */
class FreescoutCve2026_40591ForeignPersonBindingTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void a_phone_ticket_for_another_tenants_customer_is_refused_as_for_nobody() {
        int globexTickets = total(globex.agent.token());

        TestHttp.Response foreign =
                world.http.post(acme.agent.token(), "/api/v1/tickets", phoneTicketFor(globex.customer.id()));
        TestHttp.Response nobody =
                world.http.post(acme.agent.token(), "/api/v1/tickets", phoneTicketFor(UUID.randomUUID()));

        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).isEqualTo(nobody.body());
        assertThat(total(globex.agent.token())).isEqualTo(globexTickets);
    }

    @Test
    void a_requester_named_by_another_tenants_email_becomes_a_person_of_the_callers_tenant() {
        TestHttp.Response filed = world.http.post(
                acme.agent.token(),
                "/api/v1/tickets",
                SecurityWorld.json(Map.of(
                        "requester", Map.of("email", globex.outsider.email(), "name", "Same Address"),
                        "subject", "Phone call",
                        "description", "Called about an invoice",
                        "category", "billing",
                        "priority", "low",
                        "source", "phone")));

        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().get("requester").get("id").asText())
                .isNotEqualTo(globex.outsider.id().toString());
        assertThat(SecurityWorld.itemIds(world.http.get(globex.outsider.token(), "/api/v1/portal/tickets")))
                .isEmpty();
    }

    @Test
    void assigning_to_another_tenants_agent_is_refused_as_to_nobody() {
        String ticket = "/api/v1/tickets/"
                + acme.file(acme.newCustomer("assignee-probe"), "Assign me").id();
        String foreign = "{\"assignee_id\":\"" + globex.agent.id() + "\"}";
        String nobody = "{\"assignee_id\":\"" + UUID.randomUUID() + "\"}";

        TestHttp.Response assign = world.http.post(acme.agent.token(), ticket + "/assign", foreign);
        TestHttp.Response patch = world.http.send(acme.agent.token(), "PATCH", ticket, foreign);

        assertThat(assign.status()).isEqualTo(400);
        assertThat(assign.body())
                .isEqualTo(world.http
                        .post(acme.agent.token(), ticket + "/assign", nobody)
                        .body());
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.body())
                .isEqualTo(world.http
                        .send(acme.agent.token(), "PATCH", ticket, nobody)
                        .body());
        assertThat(world.http
                        .get(acme.agent.token(), ticket)
                        .json()
                        .get("assignee_id")
                        .isNull())
                .isTrue();
    }

    @Test
    void a_customer_in_another_tenants_organisation_is_refused_as_in_none_that_exists() {
        TestHttp.Response foreign =
                world.http.post(acme.admin.token(), "/api/v1/customers", customerIn(globex.sharedOrganization));
        TestHttp.Response nobody =
                world.http.post(acme.admin.token(), "/api/v1/customers", customerIn(UUID.randomUUID()));

        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).isEqualTo(nobody.body());
    }

    private int total(String staffToken) {
        return world.http
                .get(staffToken, "/api/v1/tickets")
                .json()
                .get("pagination")
                .get("total")
                .asInt();
    }

    private static String phoneTicketFor(UUID requester) {
        return SecurityWorld.json(Map.of(
                "requester_id", requester.toString(),
                "subject", "Phone call",
                "description", "Called about an invoice",
                "category", "billing",
                "priority", "low",
                "source", "phone"));
    }

    private static String customerIn(UUID organization) {
        return SecurityWorld.json(Map.of(
                "email",
                "joiner-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example",
                "name",
                "Joiner",
                "organization_id",
                organization.toString()));
    }
}
