package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * osTicket commit 7c5c584f9: a user's name went into the recipient header of outgoing mail, so a name carrying a line
 * break added recipients. Names will head our mail ({@code "Carla <carla@…>"}), so a person's name holding any kind of
 * line break is a 400 naming it (when an admin adds or renames a customer or an agent, or staff file for a new
 * requester) and nothing changes.
 */
class OsTicket7c5c584fNameHeaderInjectionTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void a_name_with_a_line_break_is_refused_wherever_a_person_is_named() {
        TenantCast.Member renamed = acme.newCustomer("renamed");
        int people = total("/api/v1/customers") + total("/api/v1/agents");
        for (String lineBreak : SecurityWorld.LINE_BREAKS) {
            String name = "Carla" + lineBreak + "Bcc: victim@evil.example";
            String email = "fresh-" + Integer.toHexString(lineBreak.hashCode()) + "@acme.example";
            assertRefusedName(world.http.post(
                    acme.admin.token(), "/api/v1/customers", SecurityWorld.json(Map.of("email", email, "name", name))));
            assertRefusedName(world.http.post(
                    acme.admin.token(),
                    "/api/v1/agents",
                    SecurityWorld.json(
                            Map.of("email", email, "name", name, "role", "agent", "password", "fresh-password-0"))));
            assertRefusedName(world.http.send(
                    acme.admin.token(),
                    "PATCH",
                    "/api/v1/customers/" + renamed.id(),
                    SecurityWorld.json(Map.of("name", name))));
            assertRefusedName(world.http.send(
                    acme.admin.token(),
                    "PATCH",
                    "/api/v1/agents/" + acme.agent.id(),
                    SecurityWorld.json(Map.of("name", name))));
            assertRefusedName(world.http.post(
                    acme.agent.token(),
                    "/api/v1/tickets",
                    SecurityWorld.json(Map.of(
                            "requester", Map.of("email", email, "name", name),
                            "subject", "Phone call",
                            "description", "About an invoice",
                            "category", "billing",
                            "priority", "low"))));
        }
        assertThat(total("/api/v1/customers") + total("/api/v1/agents")).isEqualTo(people);
        assertThat(world.http
                        .get(acme.admin.token(), "/api/v1/customers/" + renamed.id())
                        .json()
                        .get("name")
                        .asText())
                .doesNotContain("Bcc");
    }

    private static void assertRefusedName(TestHttp.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).endsWith("name");
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
