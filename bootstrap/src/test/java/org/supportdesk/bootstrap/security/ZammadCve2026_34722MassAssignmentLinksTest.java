package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * Zammad CVE-2026-34722 (sentinelone.com/vulnerability-database/cve-2026-34722): creating a ticket with the
 * {@code links} parameter skipped authorisation, so a ticket could be tied to one its creator could not see. Our create
 * takes one link, {@code follow_up_of}: naming another customer's closed ticket, another tenant's, or one that does not
 * exist gets one and the same 400 and files nothing; {@code links} itself, and {@code follow_up_of} on the desk route,
 * are fields no create takes.
 */
class ZammadCve2026_34722MassAssignmentLinksTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void a_follow_up_of_a_ticket_the_customer_cannot_see_is_refused_as_of_none() {
        Member attacker = acme.newCustomer("linker");
        String acmeClosed = closedTicketOf(acme, acme.newCustomer("linked"));
        String globexClosed = closedTicketOf(globex, globex.newCustomer("linked"));

        TestHttp.Response none = fileFollowUp(attacker, UUID.randomUUID().toString());
        assertThat(none.status()).isEqualTo(400);
        for (String foreign : new String[] {acmeClosed, globexClosed}) {
            assertThat(fileFollowUp(attacker, foreign).body()).isEqualTo(none.body());
        }
        assertThat(SecurityWorld.itemIds(world.http.get(attacker.token(), "/api/v1/portal/tickets")))
                .isEmpty();
    }

    @Test
    void the_requester_may_follow_up_their_own_closed_ticket() {
        Member requester = acme.newCustomer("follower");

        assertThat(fileFollowUp(requester, closedTicketOf(acme, requester)).status())
                .isEqualTo(201);
    }

    @Test
    void links_are_a_field_no_create_takes() {
        String link = acme.seeded.id();
        TestHttp.Response portal = world.http.post(
                acme.outsider.token(), "/api/v1/portal/tickets", filing(Map.of("links", Map.of("parent", link))));
        TestHttp.Response desk = world.http.post(
                acme.agent.token(),
                "/api/v1/tickets",
                filing(Map.of("requester_id", acme.outsider.id().toString(), "follow_up_of", link)));

        for (TestHttp.Response refused : new TestHttp.Response[] {portal, desk}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
    }

    private TestHttp.Response fileFollowUp(Member customer, String previous) {
        return world.http.post(customer.token(), "/api/v1/portal/tickets", filing(Map.of("follow_up_of", previous)));
    }

    private String closedTicketOf(TenantCast tenant, Member requester) {
        String id = tenant.file(requester, "Done with this").id();
        TestHttp.Response closed = world.http.post(requester.token(), "/api/v1/portal/tickets/" + id + "/close", "");
        assertThat(closed.status()).isEqualTo(200);
        return id;
    }

    private static String filing(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.putAll(Map.of(
                "subject", "Following up",
                "description", "As discussed",
                "category", "question",
                "priority", "medium"));
        return SecurityWorld.json(body);
    }
}
