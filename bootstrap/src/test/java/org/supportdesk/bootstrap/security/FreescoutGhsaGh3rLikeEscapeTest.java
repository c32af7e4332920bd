package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * FreeScout GHSA-gh3r-jh6q-wrvj (freescout-help-desk/freescout commit 656cb234): a channel name went unescaped into a
 * {@code LIKE} pattern, so its {@code %} and {@code _} matched anything. Our search matches requester names and
 * emails with {@code ILIKE}: searched for {@code %}, {@code _} or a backslash, it finds the tickets whose text holds
 * that very character and no other.
 */
class FreescoutGhsaGh3rLikeEscapeTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void wildcards_and_the_escape_character_match_only_themselves() {
        for (String wildcard : new String[] {"%", "_", "\\"}) {
            Member requester = acme.newCustomer("wild");
            renamed(requester, "Wild " + wildcard + " Card");
            String planted =
                    acme.file(requester, "Found by its requester's name").id();

            TestHttp.Response found = world.http.get(
                    acme.agent.token(), "/api/v1/tickets?limit=100&q=" + SecurityWorld.encoded(wildcard));

            assertThat(SecurityWorld.itemIds(found)).as(wildcard).contains(planted);
            for (JsonNode item : found.json().get("items")) {
                String text = item.get("subject").asText()
                        + item.get("requester").get("name").asText()
                        + item.get("description").asText();
                assertThat(text)
                        .as("every ticket found for %s holds it", wildcard)
                        .contains(wildcard);
            }
        }
    }

    @Test
    void a_customer_searching_a_wildcard_finds_none_of_their_tickets_without_it() {
        Member customer = acme.newCustomer("tame");
        acme.file(customer, "Nothing special here");

        for (String wildcard : new String[] {"%", "_", "\\", "%%", "_%_"}) {
            assertThat(SecurityWorld.itemIds(world.http.get(
                            customer.token(), "/api/v1/portal/tickets?q=" + SecurityWorld.encoded(wildcard))))
                    .as(wildcard)
                    .isEmpty();
        }
    }

    private void renamed(Member person, String name) {
        TestHttp.Response patched = world.http.send(
                acme.admin.token(),
                "PATCH",
                "/api/v1/customers/" + person.id(),
                SecurityWorld.json(Map.of("name", name)));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }
}
