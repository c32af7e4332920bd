package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * FreeScout GHSA-jvmv-2qcp-7855 (freescout-help-desk/freescout commit 369eb921): password-reset requests were not
 * throttled, and the answer told whether the email had an account. Supportdesk has no password reset yet; its sign-in
 * is the same oracle and keeps the same rule: a wrong password for a known email, any password for an unknown one and
 * for an unknown tenant get one status and body, and after five tries both accounts lock alike, so the lock tells
 * nothing either.
 */
class FreescoutGhsaJvmvAccountEnumerationTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void known_and_unknown_accounts_get_the_same_answers_and_the_same_lock() {
        Member known = acme.newCustomerWhoSignsIn("enumerated");
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";

        for (int attempt = 1; attempt <= 6; attempt++) {
            TestHttp.Response knownAnswer =
                    world.login("acme", known.email(), "wrong-" + attempt, world.freshAddress());
            TestHttp.Response unknownAnswer = world.login("acme", unknown, "wrong-" + attempt, world.freshAddress());
            assertThat(unknownAnswer.status()).as("attempt " + attempt).isEqualTo(knownAnswer.status());
            // The lock's detail counts down the seconds left, which may tick between the two; the rest is the same.
            assertThat(withoutDetail(unknownAnswer)).isEqualTo(withoutDetail(knownAnswer));
            assertThat(unknownAnswer.header("Retry-After").isPresent())
                    .isEqualTo(knownAnswer.header("Retry-After").isPresent());
            assertThat(knownAnswer.status()).isEqualTo(attempt <= 5 ? 401 : 429);
        }
        TestHttp.Response noTenant =
                world.login("no-such-tenant", known.email(), known.password(), world.freshAddress());
        assertThat(noTenant.status()).isEqualTo(401);
        assertThat(noTenant.body())
                .isEqualTo(world.login("acme", unknown + ".other", "x", world.freshAddress())
                        .body());
    }

    private static JsonNode withoutDetail(TestHttp.Response answer) {
        ObjectNode problem = (ObjectNode) answer.json();
        problem.remove("detail");
        return problem;
    }
}
