package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * Zammad issue 2757 (zammad/zammad#2757): the ticket sidebar listed a customer's other tickets with their subjects,
 * including tickets the agent could not open. Our sidebar is the desk list filtered by a person or organisation: named
 * with another tenant's requester (by id and by email), organisation or assignee, it lists nothing and shows no subject
 * of theirs.
 */
class ZammadIssue2757SidebarSubjectsTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void filters_naming_another_tenants_people_list_nothing() {
        List<String> filters = List.of(
                "requester=" + acme.customer.id(),
                "requester=" + acme.customer.email(),
                "organization=" + acme.sharedOrganization,
                "assignee=" + acme.agent.id());
        for (String filter : filters) {
            assertThat(SecurityWorld.itemIds(world.http.get(acme.agent.token(), "/api/v1/tickets?" + filter)))
                    .as("acme's own agent finds the ticket by " + filter)
                    .contains(acme.seeded.id());

            TestHttp.Response foreign = world.http.get(globex.agent.token(), "/api/v1/tickets?" + filter);

            assertThat(SecurityWorld.itemIds(foreign)).as(filter).isEmpty();
            assertThat(foreign.json().get("pagination").get("total").asInt()).isZero();
            assertThat(foreign.body()).doesNotContain("Printer on fire");
        }
    }
}
