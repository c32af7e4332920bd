package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * RT CVE-2012-4730 (bestpractical/rt {@code t/security/CVE-2012-4730-*.t}): an email address such as
 * {@code "foo@example.com\nEvil: yes"} was copied into the headers of outgoing mail, adding headers of the attacker's
 * choosing; FreeScout GHSA-5vg9-5847-vvmq (commit 084cb698) is the same gap in Laravel's email validation. Mail goes
 * out with the channels issue (#11); the addresses it will use are clean from today: an address holding any kind of
 * line break is a 400 naming the email wherever a person gets one (an admin adding a customer or an agent, staff filing
 * for a new requester), and nobody is created.
 */
class RtCve2012_4730EmailHeaderInjectionTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void an_address_with_a_line_break_is_refused_wherever_a_person_gets_one() {
        int people = total("/api/v1/customers") + total("/api/v1/agents");
        for (String lineBreak : SecurityWorld.LINE_BREAKS) {
            // No space and no second @, so only the line break itself is wrong with the address.
            String email = "foo@example.com" + lineBreak + "X-Evil:yes";
            assertRefusedEmail(
                    world.http.post(
                            acme.admin.token(),
                            "/api/v1/customers",
                            SecurityWorld.json(Map.of("email", email, "name", "Foo"))),
                    "email");
            assertRefusedEmail(
                    world.http.post(
                            acme.admin.token(),
                            "/api/v1/agents",
                            SecurityWorld.json(Map.of(
                                    "email", email, "name", "Foo", "role", "agent", "password", "foo-password-0"))),
                    "email");
            assertRefusedEmail(
                    world.http.post(
                            acme.agent.token(),
                            "/api/v1/tickets",
                            SecurityWorld.json(Map.of(
                                    "requester", Map.of("email", email, "name", "Foo"),
                                    "subject", "Phone call",
                                    "description", "About an invoice",
                                    "category", "billing",
                                    "priority", "low"))),
                    "requester");
        }
        assertThat(total("/api/v1/customers") + total("/api/v1/agents")).isEqualTo(people);
    }

    private static void assertRefusedEmail(TestHttp.Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).startsWith(field);
    }

    private int total(String list) {
        return world.http
                .get(acme.admin.token(), list)
                .json()
                .get("pagination")
                .get("total")
                .asInt();
    }
}
