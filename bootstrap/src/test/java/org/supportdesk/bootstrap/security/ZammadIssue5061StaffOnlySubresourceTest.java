package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * Zammad issue 5061 (zammad/zammad#5061): a ticket's time-accounting API answered a customer token, though the time
 * records are for staff. Our staff-only parts of a ticket are its SLA explanation and its history: the requester is
 * refused them for their own ticket (403 for the role, no data in the body), and neither their ticket nor its list
 * entry carries any staff-only field.
 */
class ZammadIssue5061StaffOnlySubresourceTest {
    static final List<String> STAFF_ONLY_FIELDS = List.of(
            "assignee_id",
            "assigned_at",
            "tags",
            "custom_fields",
            "escalated",
            "escalated_at",
            "escalation_reason",
            "sla",
            "sla_breached",
            "first_response_due_at",
            "resolution_due_at",
            "first_response_breached_at",
            "resolution_breached_at",
            "first_responded_at",
            "organization_id",
            "version",
            "page_url",
            "browser_info");

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void the_requester_is_refused_the_sla_and_history_of_their_own_ticket() {
        for (String part : List.of("/sla", "/history")) {
            TestHttp.Response answer =
                    world.http.get(acme.customer.token(), "/api/v1/tickets/" + acme.seeded.id() + part);
            assertThat(answer.status()).as(part).isEqualTo(403);
            assertThat(answer.body()).doesNotContain("due_at").doesNotContain(acme.seeded.id());
        }
    }

    @Test
    void the_customers_ticket_and_list_entry_carry_no_staff_only_field() {
        JsonNode detail = world.http
                .get(acme.customer.token(), "/api/v1/portal/tickets/" + acme.seeded.id())
                .json();
        JsonNode listed = world.http
                .get(acme.customer.token(), "/api/v1/portal/tickets?q=" + acme.seeded.number())
                .json()
                .get("items")
                .get(0);
        assertThat(world.http
                        .get(acme.agent.token(), "/api/v1/tickets/" + acme.seeded.id())
                        .json()
                        .has("sla"))
                .as("staff get the SLA on the same ticket")
                .isTrue();

        for (String field : STAFF_ONLY_FIELDS) {
            assertThat(detail.has(field)).as(field).isFalse();
            assertThat(listed.has(field)).as(field).isFalse();
        }
    }
}
