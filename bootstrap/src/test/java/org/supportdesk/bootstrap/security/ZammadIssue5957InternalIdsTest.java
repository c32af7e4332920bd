package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * Zammad issue 5957 (zammad/zammad#5957, open in 6.5, 2026): {@code GET /tickets/{id}?expand=true} and
 * {@code /tickets/search} gave a customer token the ids of the ticket's internal articles. Here no answer a customer or
 * an organisation-mate gets about a ticket (its detail by id and by number, its messages, the list, search, their own
 * reply) names an internal note or internal system message, by id or by text, and the counts in it are of the
 * messages they can see.
 */
class ZammadIssue5957InternalIdsTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void no_answer_about_the_ticket_names_an_internal_message() {
        for (Member reader : List.of(acme.customer, acme.orgMate)) {
            for (String path : List.of(
                    "/api/v1/portal/tickets/" + acme.seeded.id() + "?expand=true",
                    "/api/v1/portal/tickets/" + acme.seeded.number(),
                    "/api/v1/portal/tickets/" + acme.seeded.id() + "/messages?limit=200",
                    "/api/v1/portal/tickets?status=all&limit=100",
                    "/api/v1/portal/tickets?q=Printer")) {
                TestHttp.Response answer = world.http.get(reader.token(), path);
                assertThat(answer.status()).as(path).isEqualTo(200);
                acme.assertNothingStaffOnlyIn(answer);
            }
        }
        TestHttp.Response reply = world.http.post(
                acme.orgMate.token(),
                "/api/v1/portal/tickets/" + acme.seeded.id() + "/messages",
                "{\"body\":\"Any news?\"}");
        assertThat(reply.status()).isEqualTo(201);
        acme.assertNothingStaffOnlyIn(reply);
    }

    @Test
    void searching_for_words_only_an_internal_note_holds_finds_nothing() {
        String noteText = acme.staffOnlyText.get(0);
        assertThat(SecurityWorld.itemIds(world.http.get(acme.agent.token(), "/api/v1/tickets?q=" + noteText)))
                .as("staff find the ticket by its note, so the search itself works")
                .contains(acme.seeded.id());

        TestHttp.Response search = world.http.get(acme.customer.token(), "/api/v1/portal/tickets?q=" + noteText);

        assertThat(search.json().get("pagination").get("total").asInt()).isZero();
        assertThat(SecurityWorld.itemIds(search)).isEmpty();
    }

    @Test
    void every_count_a_customer_reads_covers_only_the_messages_they_can_see() {
        JsonNode detail = world.http
                .get(acme.customer.token(), "/api/v1/portal/tickets/" + acme.seeded.id())
                .json();
        int visible = detail.get("messages").size();
        detail.get("messages")
                .forEach(message -> assertThat(message.get("kind").asText()).isNotEqualTo("internal"));

        JsonNode page = world.http
                .get(acme.customer.token(), "/api/v1/portal/tickets/" + acme.seeded.id() + "/messages")
                .json();
        JsonNode listed = world.http
                .get(acme.customer.token(), "/api/v1/portal/tickets?q=" + acme.seeded.number())
                .json()
                .get("items")
                .get(0);

        assertThat(detail.get("messages_count").asInt()).isEqualTo(visible);
        assertThat(page.get("pagination").get("total").asInt()).isEqualTo(visible);
        assertThat(listed.get("messages_count").asInt()).isEqualTo(visible);
    }
}
