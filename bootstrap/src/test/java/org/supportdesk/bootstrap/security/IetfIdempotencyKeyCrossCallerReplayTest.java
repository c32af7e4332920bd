package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * draft-ietf-httpapi-idempotency-key-header-07, Security Considerations: a server that keys its idempotency records by
 * the client's key alone replays one client's stored answer to another who sends the same key, a data leak the draft
 * names. It is the secondary path FreeScout's advisories keep finding (RELIABILITY.md row 1). Keys here belong to
 * (tenant, caller, method, path): another customer of the tenant, another tenant's customer and staff sending the same
 * key and body each get an answer of their own, never the first caller's ticket; the first caller's retry replays it.
 */
class IetfIdempotencyKeyCrossCallerReplayTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void the_same_key_and_body_from_another_caller_never_replays_the_first_answer() {
        String key = "replay-" + UUID.randomUUID();
        String body = SecurityWorld.json(Map.of(
                "subject",
                "Same words, same key",
                "description",
                "Sent twice",
                "category",
                "question",
                "priority",
                "low"));
        Member first = acme.newCustomer("first-caller");
        TestHttp.Response original = file(first.token(), "/api/v1/portal/tickets", key, body);
        assertThat(original.status()).isEqualTo(201);
        String firstId = original.json().get("id").asText();

        for (Member other : List.of(acme.newCustomer("second-caller"), globex.newCustomer("third-caller"))) {
            TestHttp.Response own = file(other.token(), "/api/v1/portal/tickets", key, body);
            assertThat(own.status()).isEqualTo(201);
            assertThat(own.body())
                    .doesNotContain(firstId)
                    .doesNotContain(first.id().toString());
            assertThat(own.json().get("requester").get("id").asText())
                    .isEqualTo(other.id().toString());
        }
        String deskBody = body.replace("{", "{\"requester_id\":\"" + acme.outsider.id() + "\",");
        TestHttp.Response staff = file(acme.agent.token(), "/api/v1/tickets", key, deskBody);
        assertThat(staff.status()).isEqualTo(201);
        assertThat(staff.body()).doesNotContain(firstId);

        TestHttp.Response retry = file(first.token(), "/api/v1/portal/tickets", key, body);
        assertThat(retry.body())
                .as("the first caller's retry replays its own answer")
                .isEqualTo(original.body());
    }

    private TestHttp.Response file(String token, String path, String key, String body) {
        return world.http.send(token, "POST", path, body, Map.of("Idempotency-Key", key));
    }
}
