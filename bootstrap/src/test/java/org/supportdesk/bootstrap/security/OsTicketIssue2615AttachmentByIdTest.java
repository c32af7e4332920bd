package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.bootstrap.security.SecurityWorld.assertSameAsMissing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * osTicket issue 2615 (osTicket/osTicket#2615, "Insecure Direct Object Reference"): any uploaded file could be
 * downloaded by anyone who knew or guessed its id. Here an upload's id is random, and knowing it gives nothing: until it
 * is linked only its uploader may fetch it; once linked, only those who may see the message it came with; everyone
 * else, in the tenant or outside it, gets the 404 of an id that does not exist, byte for byte (§6, §8).
 */
class OsTicketIssue2615AttachmentByIdTest {
    private static final String PORTAL = "/api/v1/portal/attachments";
    private static final String DESK = "/api/v1/attachments";

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    /**
     * Ids are time-ordered (UUIDv7), so neighbours share a timestamp; the 62 bits after it come from a secure random
     * source, so knowing one upload's id says nothing about the next one's.
     */
    @Test
    void the_next_upload_s_id_cannot_be_derived_from_this_one_s() {
        UUID previous = UUID.fromString(upload(acme.customer, PORTAL, "n-0.txt"));
        for (int i = 1; i < 20; i++) {
            UUID next = UUID.fromString(upload(acme.customer, PORTAL, "n-" + i + ".txt"));
            long differingRandomBits = Long.bitCount(
                    (previous.getLeastSignificantBits() ^ next.getLeastSignificantBits()) & 0x3FFF_FFFF_FFFF_FFFFL);
            assertThat(differingRandomBits).as("%s then %s", previous, next).isGreaterThanOrEqualTo(10);
            previous = next;
        }
    }

    @Test
    void an_unlinked_upload_is_its_uploader_s_alone() {
        String id = upload(acme.customer, PORTAL, "draft.txt");

        assertThat(world.http.get(acme.customer.token(), PORTAL + "/" + id).status())
                .isEqualTo(200);
        for (Member other : List.of(acme.orgMate, acme.outsider, globex.customer)) {
            assertSameAsMissing(world.http.get(other.token(), PORTAL + "/" + id), missing(other, PORTAL));
        }
        assertSameAsMissing(world.http.get(globex.agent.token(), DESK + "/" + id), missing(globex.agent, DESK));
        assertSameAsMissing(world.http.get(globex.admin.token(), DESK + "/" + id), missing(globex.admin, DESK));
    }

    @Test
    void a_linked_file_goes_to_who_may_see_its_message_and_to_nobody_else() {
        String filed = upload(acme.customer, PORTAL, "receipt.txt");
        TestHttp.Response ticket = world.http.post(
                acme.customer.token(),
                "/api/v1/portal/tickets",
                SecurityWorld.json(Map.of(
                        "subject", "Refund for order 2615",
                        "description", "Receipt attached",
                        "category", "billing",
                        "priority", "low",
                        "attachment_ids", List.of(filed))));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        String note = upload(acme.agent, DESK, "fraud-check.txt");
        TestHttp.Response posted = world.http.post(
                acme.agent.token(),
                "/api/v1/tickets/" + ticket.json().get("id").asText() + "/messages",
                SecurityWorld.json(
                        Map.of("kind", "internal", "body", "Checked for fraud", "attachment_ids", List.of(note))));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

        for (Member reader : List.of(acme.customer, acme.orgMate)) {
            assertThat(world.http.get(reader.token(), PORTAL + "/" + filed).status())
                    .isEqualTo(200);
            assertSameAsMissing(world.http.get(reader.token(), PORTAL + "/" + note), missing(reader, PORTAL));
        }
        for (Member stranger : List.of(acme.outsider, acme.unsharedColleague, globex.customer)) {
            assertSameAsMissing(world.http.get(stranger.token(), PORTAL + "/" + filed), missing(stranger, PORTAL));
            assertSameAsMissing(world.http.get(stranger.token(), PORTAL + "/" + note), missing(stranger, PORTAL));
        }
        for (Member foreignStaff : List.of(globex.agent, globex.admin)) {
            assertSameAsMissing(world.http.get(foreignStaff.token(), DESK + "/" + filed), missing(foreignStaff, DESK));
            assertSameAsMissing(world.http.get(foreignStaff.token(), DESK + "/" + note), missing(foreignStaff, DESK));
        }
        assertThat(world.http.get(acme.agent.token(), DESK + "/" + filed).status())
                .isEqualTo(200);
        assertThat(world.http.get(acme.agent.token(), DESK + "/" + note).status())
                .isEqualTo(200);
    }

    private String upload(Member uploader, String route, String name) {
        TestHttp.Response upload = world.http.upload(
                uploader.token(), route, name, "text/plain", ("contents of " + name).getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        return upload.json().get("id").asText();
    }

    private TestHttp.Response missing(Member reader, String route) {
        return world.http.get(reader.token(), route + "/" + UUID.randomUUID());
    }
}
