package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * FreeScout GHSA-89fj-jcr7-2c68 (freescout-help-desk/freescout commit db4b4e4b): an agent limited to the conversations
 * assigned to them could still edit and delete threads of conversations they could merely see. Our reader with less
 * than full rights over a ticket is the organisation-mate: they may read a shared ticket and reply to it, never close
 * it or confirm its resolution (§17), nor reach a staff write; each refusal leaves the ticket as it was.
 */
class FreescoutGhsa89fjRestrictedUserWritesTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void an_organisation_mate_reads_and_replies_but_cannot_close_or_confirm() {
        String ticket = acme.file(acme.customer, "Shared with my team").id();
        String portal = "/api/v1/portal/tickets/" + ticket;
        assertThat(world.http.get(acme.orgMate.token(), portal).status()).isEqualTo(200);
        assertThat(world.http
                        .post(acme.orgMate.token(), portal + "/messages", "{\"body\":\"Same here\"}")
                        .status())
                .isEqualTo(201);

        assertRefusedAndUnchanged(portal);

        TestHttp.Response resolved =
                world.http.send(acme.agent.token(), "PATCH", "/api/v1/tickets/" + ticket, "{\"status\":\"resolved\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertRefusedAndUnchanged(portal);
    }

    @Test
    void an_organisation_mate_reaches_no_staff_write_on_a_shared_ticket() {
        String desk = "/api/v1/tickets/" + acme.seeded.id();
        String etag = world.http.get(acme.agent.token(), desk).etag();

        for (TestHttp.Response refused : new TestHttp.Response[] {
            world.http.send(acme.orgMate.token(), "PATCH", desk, "{\"status\":\"closed\"}"),
            world.http.send(acme.orgMate.token(), "DELETE", desk, null),
            world.http.post(acme.orgMate.token(), desk + "/messages", "{\"kind\":\"internal\",\"body\":\"x\"}"),
            world.http.post(acme.orgMate.token(), desk + "/assign", "{\"assignee_id\":null}"),
            world.http.post(acme.orgMate.token(), desk + "/deescalate", null)
        }) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        }
        assertThat(world.http.get(acme.agent.token(), desk).etag()).isEqualTo(etag);
    }

    private void assertRefusedAndUnchanged(String portal) {
        TestHttp.Response before = world.http.get(acme.customer.token(), portal);
        TestHttp.Response close = world.http.post(acme.orgMate.token(), portal + "/close", "{\"reason\":\"done\"}");
        assertThat(close.status()).as(close.body()).isEqualTo(403);
        TestHttp.Response after = world.http.get(acme.customer.token(), portal);
        assertThat(after.etag()).isEqualTo(before.etag());
    }
}
