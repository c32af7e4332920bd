package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * RT CVE-2023-45024 (bestpractical/rt {@code t/security/CVE-2023-45024-txn-*.t}): transaction searches counted
 * transactions the user could not see, so the counts told what happened out of sight. A ticket's version is such a
 * count. Here staff-only work on a customer's ticket (an internal note, an assignment, tags, custom fields, an
 * escalation) changes nothing the customer can read: not the ETag, {@code updated_at}, {@code messages_count} or
 * {@code last_message_at} of the ticket or its list entry; and the 412 and 409 answers they get name no version.
 */
class RtCve2023_45024TransactionCountLeakTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void staff_only_work_leaves_every_customer_visible_figure_as_it_was() {
        Member customer = acme.newCustomer("watcher");
        String path = "/api/v1/portal/tickets/"
                + acme.file(customer, "Watching closely").id();
        String desk = path.replace("/portal", "");
        world.http.post(acme.agent.token(), desk + "/messages", "{\"kind\":\"public\",\"body\":\"On it\"}");
        TestHttp.Response before = world.http.get(customer.token(), path);
        JsonNode listedBefore = listed(customer);
        String staffBefore = world.http.get(acme.agent.token(), desk).etag();

        world.http.post(acme.agent.token(), desk + "/messages", "{\"kind\":\"internal\",\"body\":\"Between us\"}");
        world.http.post(acme.agent.token(), desk + "/assign", "{\"assignee_id\":\"" + acme.agent.id() + "\"}");
        world.http.send(
                acme.agent.token(), "PATCH", desk, "{\"tags\":[\"vip\"],\"custom_fields\":{\"plan\":\"gold\"}}");
        world.http.post(acme.agent.token(), desk + "/escalate", "{\"reason\":\"Important customer\"}");
        assertThat(world.http.get(acme.agent.token(), desk).etag())
                .as("staff see new versions")
                .isNotEqualTo(staffBefore);

        TestHttp.Response after = world.http.get(customer.token(), path);
        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(listed(customer)).isEqualTo(listedBefore);
    }

    @Test
    void a_stale_if_match_answers_412_naming_no_version() {
        Member customer = acme.newCustomer("stale");
        String path = "/api/v1/portal/tickets/"
                + acme.file(customer, "Close me later").id();

        TestHttp.Response stale =
                world.http.send(customer.token(), "POST", path + "/close", "", Map.of("If-Match", "\"1\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body()).doesNotContainIgnoringCase("version");
        assertThat(world.http.get(customer.token(), path).json().get("status").asText())
                .isEqualTo("new");
    }

    @Test
    void refusals_on_a_closed_ticket_name_no_version_or_staff_data() {
        String ticket = acme.file(acme.customer, "Closing soon").id();
        String path = "/api/v1/portal/tickets/" + ticket;
        world.http.post(
                acme.agent.token(),
                "/api/v1/tickets/" + ticket + "/messages",
                "{\"kind\":\"internal\",\"body\":\"" + acme.staffOnlyText.get(0) + "\"}");
        assertThat(world.http.post(acme.customer.token(), path + "/close", "").status())
                .isEqualTo(200);

        for (TestHttp.Response refused : List.of(
                world.http.post(acme.customer.token(), path + "/messages", "{\"body\":\"One more thing\"}"),
                world.http.post(acme.customer.token(), path + "/close", ""))) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).doesNotContainIgnoringCase("version");
            acme.assertNothingStaffOnlyIn(refused);
        }
    }

    private JsonNode listed(Member customer) {
        return world.http
                .get(customer.token(), "/api/v1/portal/tickets")
                .json()
                .get("items")
                .get(0);
    }
}
