package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.UserId;

/**
 * FreeScout GHSA-m4hc-rc98-38jc (freescout-help-desk/freescout commit 83030464): a user could lift their own "assigned
 * conversations only" restriction by saving their own profile. Here nobody widens their own rights: an agent changing
 * their own role is refused for the role (403), an admin cannot demote themselves, a customer cannot touch their own
 * record, and a customer's filing or reply carrying a field that is not theirs (status, assignee, tags, organisation,
 * requester, an internal kind) is a 400 naming it; nothing changes.
 */
class FreescoutGhsaM4hcSelfPrivilegeChangeTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void staff_cannot_raise_or_keep_rights_by_editing_themselves() {
        String self = "/api/v1/agents/" + acme.agent.id();
        assertThat(world.http
                        .send(acme.agent.token(), "PATCH", self, "{\"role\":\"admin\"}")
                        .status())
                .isEqualTo(403);
        assertThat(world.http.get(acme.agent.token(), self).json().get("role").asText())
                .isEqualTo("agent");

        Member admin = newAdmin();
        TestHttp.Response demoted = world.http.send(
                admin.token(), "PATCH", "/api/v1/agents/" + admin.id(), "{\"role\":\"agent\",\"active\":false}");
        assertThat(demoted.status()).as(demoted.body()).isBetween(400, 499);
        assertThat(world.http
                        .get(admin.token(), "/api/v1/agents/" + admin.id())
                        .json()
                        .get("role")
                        .asText())
                .isEqualTo("admin");
    }

    @Test
    void a_customer_cannot_touch_their_own_record() {
        Member customer = acme.newCustomer("self-editor");
        String self = "/api/v1/customers/" + customer.id();

        for (String change : new String[] {
            "{\"role\":\"agent\"}", "{\"organization_id\":\"" + acme.sharedOrganization + "\"}", "{\"name\":\"Boss\"}"
        }) {
            assertThat(world.http.send(customer.token(), "PATCH", self, change).status())
                    .as(change)
                    .isEqualTo(403);
        }
        assertThat(world.http
                        .get(customer.token(), "/api/v1/portal/me")
                        .json()
                        .get("organization")
                        .isNull())
                .isTrue();
    }

    @Test
    void a_customers_requests_carry_no_field_that_is_not_theirs() {
        Member customer = acme.newCustomer("mass-assigner");
        Map<String, Object> notTheirs = Map.of(
                "status",
                "closed",
                "assignee_id",
                acme.agent.id().toString(),
                "tags",
                new String[] {"vip"},
                "organization_id",
                acme.sharedOrganization.toString(),
                "requester_id",
                acme.customer.id().toString(),
                "escalated",
                true,
                "custom_fields",
                Map.of("plan", "gold"),
                "source",
                "phone");
        notTheirs.forEach((field, value) -> {
            Map<String, Object> body = new HashMap<>(Map.of(
                    "subject", "Please upgrade me", "description", "Thanks", "category", "billing", "priority", "low"));
            body.put(field, value);
            TestHttp.Response refused =
                    world.http.post(customer.token(), "/api/v1/portal/tickets", SecurityWorld.json(body));
            assertThat(refused.status()).as(field).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo(field);
        });
        assertThat(SecurityWorld.itemIds(world.http.get(customer.token(), "/api/v1/portal/tickets")))
                .isEmpty();

        String ticket = acme.file(customer, "A fair request").id();
        TestHttp.Response internal = world.http.post(
                customer.token(),
                "/api/v1/portal/tickets/" + ticket + "/messages",
                "{\"kind\":\"internal\",\"body\":\"Only staff should see this\"}");
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.json().get("errors").get(0).get("field").asText()).isEqualTo("kind");
    }

    private Member newAdmin() {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        TestHttp.Response added = world.http.post(
                acme.admin.token(),
                "/api/v1/agents",
                SecurityWorld.json(
                        Map.of("email", email, "name", "Second Admin", "role", "admin", "password", "second-admin-0")));
        assertThat(added.status()).isEqualTo(201);
        UUID id = UUID.fromString(added.json().get("id").asText());
        return new Member(id, email, null, Role.ADMIN, world.token(acme.tenant, new UserId(id), Role.ADMIN));
    }
}
