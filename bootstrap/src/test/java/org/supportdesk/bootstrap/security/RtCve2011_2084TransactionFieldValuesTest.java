package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * RT CVE-2011-2084 (bestpractical/rt {@code t/security/CVE-2011-2084-transactions.t}): a ticket's transactions showed
 * the old and new values of custom fields to users who could not see the fields. Our transactions are the journal, read
 * as a ticket's history: a customer is refused it (403), another tenant's staff get the 404 of a missing ticket, and
 * the values staff set and replaced (custom fields, tags) reach no customer answer.
 */
class RtCve2011_2084TransactionFieldValuesTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void old_and_new_staff_values_reach_no_customer_answer() {
        String oldValue = "old-" + UUID.randomUUID();
        String newValue = "new-" + UUID.randomUUID();
        TenantCast.Ticket ticket = acme.file(acme.customer, "Contract question");
        String desk = "/api/v1/tickets/" + ticket.id();
        for (String value : List.of(oldValue, newValue)) {
            TestHttp.Response patched = world.http.send(
                    acme.agent.token(),
                    "PATCH",
                    desk,
                    "{\"custom_fields\":{\"contract\":\"" + value + "\"},\"tags\":[\"" + value + "\"]}");
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        }
        assertThat(world.http.get(acme.agent.token(), desk + "/history").body())
                .as("the history staff read has both values")
                .contains(oldValue, newValue);

        String portal = "/api/v1/portal/tickets/" + ticket.id();
        for (String path : List.of(portal, portal + "/messages", "/api/v1/portal/tickets?q=" + ticket.number())) {
            TestHttp.Response answer = world.http.get(acme.customer.token(), path);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain(oldValue).doesNotContain(newValue);
        }
    }

    @Test
    void the_history_is_refused_to_customers_and_missing_to_other_tenants() {
        String history = "/api/v1/tickets/" + acme.seeded.id() + "/history";

        assertThat(world.http.get(acme.customer.token(), history).status()).isEqualTo(403);
        SecurityWorld.assertSameAsMissing(
                world.http.get(globex.agent.token(), history),
                world.http.get(globex.agent.token(), "/api/v1/tickets/" + UUID.randomUUID() + "/history"));
    }
}
