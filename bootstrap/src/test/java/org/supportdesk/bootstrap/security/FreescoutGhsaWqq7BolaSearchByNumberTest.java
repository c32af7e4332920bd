package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * FreeScout GHSA-wqq7-4q7m-273v (freescout-help-desk/freescout commit 4e197d8c): searching by conversation number
 * opened the conversation without the access check that opening it by id made. Here a ticket's number is as closed as
 * its id: another customer, a colleague in an organisation that does not share, and another tenant's people get, by
 * number in the path (any spelling) and by number as search text, what a number that does not exist gets.
 */
class FreescoutGhsaWqq7BolaSearchByNumberTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void another_customers_ticket_by_number_is_the_404_of_a_number_nobody_has() {
        String number = acme.unsharedTicket.number();
        for (Member stranger : List.of(acme.outsider, acme.unsharedColleague, globex.outsider)) {
            for (String spelling : List.of(number, number.toLowerCase(Locale.ROOT), "%20" + number)) {
                for (String route : List.of("/api/v1/portal/tickets/%s", "/api/v1/portal/tickets/%s/messages")) {
                    TestHttp.Response foreign = world.http.get(stranger.token(), route.formatted(spelling));
                    TestHttp.Response missing =
                            world.http.get(stranger.token(), route.formatted(SecurityWorld.missingNumber()));
                    SecurityWorld.assertSameAsMissing(foreign, missing);
                }
            }
        }
    }

    @Test
    void another_customers_number_as_search_text_finds_nothing() {
        String number = acme.unsharedTicket.number();
        assertThat(SecurityWorld.itemIds(
                        world.http.get(acme.unsharedCustomer.token(), "/api/v1/portal/tickets?q=" + number)))
                .as("the requester finds it by number, so the search itself works")
                .containsExactly(acme.unsharedTicket.id());

        for (Member stranger : List.of(acme.outsider, acme.unsharedColleague, globex.outsider)) {
            TestHttp.Response search = world.http.get(stranger.token(), "/api/v1/portal/tickets?q=" + number);
            assertThat(SecurityWorld.itemIds(search)).doesNotContain(acme.unsharedTicket.id());
            assertThat(search.body()).doesNotContain(acme.unsharedTicket.id());
        }
    }

    @Test
    void a_number_names_a_ticket_of_the_callers_own_tenant_only() {
        String number = acme.seeded.number();
        for (String path : List.of(
                "/api/v1/tickets/" + number,
                "/api/v1/tickets/" + number + "/messages",
                "/api/v1/tickets/" + number + "/history",
                "/api/v1/tickets?q=" + number)) {
            TestHttp.Response answer = world.http.get(globex.agent.token(), path);
            assertThat(answer.body()).as(path).doesNotContain(acme.seeded.id());
            acme.assertNothingStaffOnlyIn(answer);
        }
    }
}
