package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * FreeScout GHSA-cr68-27qv-p5m4 (freescout-help-desk/freescout commit f0f8fd56): the {@code load_customer_info} ajax
 * helper returned any customer by id, including customers of mailboxes the agent could not see. Here the person and
 * organisation routes answer another tenant's customer, agent or organisation exactly as an id nobody has, change
 * nothing of them, and list only the caller's own tenant.
 */
class FreescoutGhsaCr68CustomerInfoTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void another_tenants_people_and_organisations_are_the_404_of_an_unknown_id() {
        String nobody = UUID.randomUUID().toString();
        String[][] reads = {
            {"/api/v1/customers/", acme.customer.id().toString()},
            {"/api/v1/agents/", acme.agent.id().toString()},
            {"/api/v1/organizations/", acme.sharedOrganization.toString()},
        };
        for (String[] read : reads) {
            SecurityWorld.assertSameAsMissing(
                    world.http.get(globex.admin.token(), read[0] + read[1]),
                    world.http.get(globex.admin.token(), read[0] + nobody));
        }
        SecurityWorld.assertSameAsMissing(
                world.http.get(globex.agent.token(), "/api/v1/agents/" + acme.agent.id()),
                world.http.get(globex.agent.token(), "/api/v1/agents/" + nobody));
    }

    @Test
    void another_tenants_people_and_organisations_cannot_be_changed() {
        String nobody = UUID.randomUUID().toString();
        String[][] writes = {
            {"/api/v1/customers/", acme.customer.id().toString(), "{\"name\":\"Renamed\"}"},
            {"/api/v1/agents/", acme.agent.id().toString(), "{\"active\":false}"},
            {"/api/v1/organizations/", acme.sharedOrganization.toString(), "{\"shared_tickets\":false}"},
        };
        for (String[] write : writes) {
            SecurityWorld.assertSameAsMissing(
                    world.http.send(globex.admin.token(), "PATCH", write[0] + write[1], write[2]),
                    world.http.send(globex.admin.token(), "PATCH", write[0] + nobody, write[2]));
        }

        assertThat(world.http
                        .get(acme.admin.token(), "/api/v1/customers/" + acme.customer.id())
                        .json()
                        .get("name")
                        .asText())
                .isEqualTo("carla");
        assertThat(world.http.get(acme.agent.token(), "/api/v1/tickets").status())
                .as("the agent is still active")
                .isEqualTo(200);
        assertThat(world.http
                        .get(acme.orgMate.token(), "/api/v1/portal/tickets/" + acme.seeded.id())
                        .status())
                .as("the organisation still shares")
                .isEqualTo(200);
    }

    @Test
    void the_lists_hold_only_the_callers_tenant() {
        for (String list : new String[] {"/api/v1/customers", "/api/v1/agents", "/api/v1/organizations"}) {
            TestHttp.Response answer = world.http.get(globex.admin.token(), list + "?limit=100");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).as(list).doesNotContain("@acme.example").doesNotContain("acme Corp");
        }
    }
}
