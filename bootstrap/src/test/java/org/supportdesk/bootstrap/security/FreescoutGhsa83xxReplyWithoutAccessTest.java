package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * FreeScout GHSA-83xx-8c27-gq78 (freescout-help-desk/freescout commit 1407a1bf): a reply to an email notification was
 * added to its conversation without checking that the sender could access it. Mail replies arrive with the channels
 * issue (#11); the same post through the API is held here: a reply or note to a ticket the sender cannot access
 * (another customer's, an unshared colleague's, another tenant's, named by id or by number) is the 404 of a missing
 * ticket, and the conversation stays exactly as it was.
 */
class FreescoutGhsa83xxReplyWithoutAccessTest {
    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void replies_from_people_without_access_are_missing_and_change_nothing() {
        Member requester = acme.newCustomer("replied-to", acme.unsharedOrganization);
        TenantCast.Ticket target = acme.file(requester, "Only mine");
        String staffView = "/api/v1/tickets/" + target.id();
        String etagBefore = world.http.get(acme.agent.token(), staffView).etag();
        String reply = "{\"body\":\"Posted by someone else\"}";

        for (Member stranger : new Member[] {acme.outsider, acme.unsharedColleague, globex.customer}) {
            for (String ref : new String[] {target.id(), target.number()}) {
                String missing = ref.equals(target.id()) ? UUID.randomUUID().toString() : SecurityWorld.missingNumber();
                SecurityWorld.assertSameAsMissing(
                        world.http.post(stranger.token(), "/api/v1/portal/tickets/" + ref + "/messages", reply),
                        world.http.post(stranger.token(), "/api/v1/portal/tickets/" + missing + "/messages", reply));
            }
        }
        for (String kind : new String[] {"public", "internal"}) {
            String post = "{\"kind\":\"" + kind + "\",\"body\":\"Posted by another tenant\"}";
            SecurityWorld.assertSameAsMissing(
                    world.http.post(globex.agent.token(), staffView + "/messages", post),
                    world.http.post(globex.agent.token(), "/api/v1/tickets/" + UUID.randomUUID() + "/messages", post));
        }

        TestHttp.Response after = world.http.get(acme.agent.token(), staffView);
        assertThat(after.etag()).isEqualTo(etagBefore);
        assertThat(after.body()).doesNotContain("Posted by");
    }
}
