package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * Zammad issue 1857 (zammad/zammad#1857): a customer could open a colleague's ticket by its URL although their
 * organisation was set to {@code shared=false}; only the list hid it. Here, in an organisation that does not share, a
 * colleague's ticket is the 404 of a missing one on every portal route that names a ticket (by id and by number) and
 * is in no list or search; and when an admin stops an organisation sharing, its shared tickets close at once.
 */
class ZammadIssue1857UnsharedColleagueTicketTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void a_colleagues_ticket_is_missing_on_every_route_by_id_and_by_number() {
        for (String ref : List.of(acme.unsharedTicket.id(), acme.unsharedTicket.number())) {
            String missing = ref.startsWith("TKT-")
                    ? SecurityWorld.missingNumber()
                    : UUID.randomUUID().toString();
            assertEveryTicketRouteIsMissing(acme.unsharedColleague, ref, missing);
        }
        assertThat(world.http
                        .get(acme.unsharedCustomer.token(), "/api/v1/portal/tickets/" + acme.unsharedTicket.id())
                        .status())
                .as("the requester herself reads it")
                .isEqualTo(200);
    }

    @Test
    void a_colleagues_ticket_is_in_no_list_or_search() {
        for (String path : List.of(
                "/api/v1/portal/tickets?status=all&limit=100",
                "/api/v1/portal/tickets?q=Private",
                "/api/v1/portal/tickets?q=" + acme.unsharedCustomer.email())) {
            assertThat(SecurityWorld.itemIds(world.http.get(acme.unsharedColleague.token(), path)))
                    .as(path)
                    .doesNotContain(acme.unsharedTicket.id());
        }
    }

    @Test
    void turning_sharing_off_closes_the_organisations_tickets_at_once() {
        UUID organization = acme.newOrganization("Sharing Co", true);
        Member requester = acme.newCustomer("sharer", organization);
        Member colleague = acme.newCustomer("sharer-mate", organization);
        TenantCast.Ticket ticket = acme.file(requester, "Shared for now");
        assertThat(world.http
                        .get(colleague.token(), "/api/v1/portal/tickets/" + ticket.id())
                        .status())
                .isEqualTo(200);

        TestHttp.Response unshared = world.http.send(
                acme.admin.token(), "PATCH", "/api/v1/organizations/" + organization, "{\"shared_tickets\":false}");
        assertThat(unshared.status()).isEqualTo(200);

        assertEveryTicketRouteIsMissing(
                colleague, ticket.id(), UUID.randomUUID().toString());
        assertThat(SecurityWorld.itemIds(world.http.get(colleague.token(), "/api/v1/portal/tickets")))
                .doesNotContain(ticket.id());
    }

    private void assertEveryTicketRouteIsMissing(Member reader, String ref, String missing) {
        String[][] routes = {
            {"GET", "/api/v1/portal/tickets/%s", null},
            {"GET", "/api/v1/portal/tickets/%s/messages", null},
            {"POST", "/api/v1/portal/tickets/%s/messages", "{\"body\":\"Let me in\"}"},
            {"POST", "/api/v1/portal/tickets/%s/close", "{\"reason\":\"mine now\"}"},
        };
        for (String[] route : routes) {
            SecurityWorld.assertSameAsMissing(
                    world.http.send(reader.token(), route[0], route[1].formatted(ref), route[2]),
                    world.http.send(reader.token(), route[0], route[1].formatted(missing), route[2]));
        }
    }
}
