package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * osTicket commit 263f71a38 ("security: Search Params", {@code include/class.search.php}): search text went into a
 * MySQL full-text query whose named parameters, such as {@code :num}, were substituted afterwards, so text naming a
 * parameter rewrote the query. Here search text naming our statement's own parameters ({@code :tenant},
 * {@code :viewer}, {@code :limit} …) or carrying SQL is only ever text: a customer's search finds nothing beyond their
 * own tickets, staff's nothing beyond their tenant, and nothing fails.
 */
class OsTicket263f71aSearchParamsInjectionTest {
    static final List<String> HOSTILE = List.of(
            ":tenant",
            ":viewer",
            ":viewerOrganization",
            ":limit",
            ":text OR :pattern",
            "' OR '1'='1",
            "x') OR 1=1 --",
            "%' OR t.tenant_id IS NOT NULL --",
            "\\'; SELECT pg_sleep(5); --",
            "TKT-' OR '1'='1");

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void a_customers_search_never_reaches_beyond_their_own_tickets() {
        Member searcher = acme.newCustomer("searcher");
        String own = acme.file(searcher, "My only ticket").id();
        for (String text : HOSTILE) {
            TestHttp.Response found =
                    world.http.get(searcher.token(), "/api/v1/portal/tickets?q=" + SecurityWorld.encoded(text));
            assertThat(SecurityWorld.itemIds(found)).as(text).isSubsetOf(own);
        }
    }

    @Test
    void a_staff_search_never_reaches_beyond_its_tenant() {
        for (String text : HOSTILE) {
            TestHttp.Response found =
                    world.http.get(globex.agent.token(), "/api/v1/tickets?q=" + SecurityWorld.encoded(text));
            assertThat(SecurityWorld.itemIds(found))
                    .as(text)
                    .doesNotContain(acme.seeded.id(), acme.unsharedTicket.id());
            acme.assertNothingStaffOnlyIn(found);
        }
    }
}
