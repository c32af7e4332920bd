package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * RT CVE-2013-3373 (bestpractical/rt {@code t/security/CVE-2013-3373-*.t}): values interpolated into the header part
 * of RT's mail templates, the ticket's subject first among them, could carry line breaks and so inject MIME headers.
 * Our notification templates arrive with the channels issue (#11) and will put the subject in the {@code Subject}
 * header; a subject holding any kind of line break is refused with a 400 naming it, whether a customer files, staff file
 * or staff rename the ticket, and nothing changes.
 */
class RtCve2013_3373SubjectHeaderInjectionTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void a_subject_with_a_line_break_is_refused_wherever_it_is_set() {
        TenantCast.Member customer = acme.newCustomer("subject");
        TenantCast.Ticket ticket = acme.file(customer, "A plain subject");
        for (String lineBreak : SecurityWorld.LINE_BREAKS) {
            String subject = "Invoice" + lineBreak + "Bcc: victim@evil.example";
            assertRefusedSubject(world.http.post(
                    customer.token(),
                    "/api/v1/portal/tickets",
                    SecurityWorld.json(Map.of(
                            "subject", subject, "description", "Hello", "category", "billing", "priority", "low"))));
            assertRefusedSubject(world.http.post(
                    acme.agent.token(),
                    "/api/v1/tickets",
                    SecurityWorld.json(Map.of(
                            "requester_id", customer.id().toString(),
                            "subject", subject,
                            "description", "Hello",
                            "category", "billing",
                            "priority", "low"))));
            assertRefusedSubject(world.http.send(
                    acme.agent.token(),
                    "PATCH",
                    "/api/v1/tickets/" + ticket.id(),
                    SecurityWorld.json(Map.of("subject", subject))));
        }
        assertThat(SecurityWorld.itemIds(world.http.get(customer.token(), "/api/v1/portal/tickets")))
                .containsExactly(ticket.id());
        assertThat(world.http
                        .get(customer.token(), "/api/v1/portal/tickets/" + ticket.id())
                        .json()
                        .get("subject")
                        .asText())
                .isEqualTo("A plain subject");
    }

    private static void assertRefusedSubject(TestHttp.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("subject");
    }
}
