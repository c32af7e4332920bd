package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.application.admin.AddOrganization;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;

/**
 * Spoofed mail (RELIABILITY row 9, suite S7) against the whole server: forged {@code From}s of the requester and of
 * agents, with and without tokens, {@code Reply-To} and {@code Sender} that differ from {@code From}, several {@code
 * From}s, display-name and encoded-word tricks, look-alike addresses, forged {@code In-Reply-To} and ticket numbers
 * from non-participants, foreign, tampered, case-changed and stale tokens. In none of them does a mail post as someone
 * it is not from, post as staff without that staff member's own token, or reach a ticket its sender may not post to.
 *
 * <p>Each test works on Carl's ticket {@code target}, filed fresh, and checks it afterwards: same message count, and
 * no message by anyone but Carl.
 */
@Timeout(300)
class InboundEmailSpoofingTest {
    private static InboundMailWorld world;
    private static Person olga;
    private static Person oscar;
    private static Person sally;
    private static Person sam;

    @TempDir
    static Path dataDir;

    private JsonNode target;
    private int targetMessages;

    @BeforeAll
    static void start() {
        world = InboundMailWorld.start(dataDir, Map.of());
        Organization closed = world.server
                .desk
                .useCases()
                .admin()
                .addOrganization()
                .handle(new AddOrganization.Command(world.boss, "Closed Ltd", false));
        Organization shared = world.server
                .desk
                .useCases()
                .admin()
                .addOrganization()
                .handle(new AddOrganization.Command(world.boss, "Shared Ltd", true));
        oscar = customerOf(closed, "oscar@closed.example", "Oscar");
        olga = customerOf(closed, "olga@closed.example", "Olga");
        sam = customerOf(shared, "sam@shared.example", "Sam");
        sally = customerOf(shared, "sally@shared.example", "Sally");
    }

    private static Person customerOf(Organization organization, String email, String name) {
        return world.server
                .desk
                .useCases()
                .admin()
                .addPerson()
                .handle(new AddPerson.Command(
                        world.boss,
                        Email.of(email),
                        name,
                        Role.CUSTOMER,
                        Optional.of(organization.id()),
                        Optional.<Password>empty()));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void fileTheTarget() {
        target = world.fileByMail(world.carl, "Carl's printer");
        targetMessages = world.messages(target);
    }

    /** The target ticket is as it was: nothing was posted on it. */
    private void targetUntouched() {
        JsonNode ticket = world.staffView(target.get("ticket_id").asText());
        assertThat(ticket.get("messages")).as(ticket.toString()).hasSize(targetMessages);
        assertThat(ticket.get("requester").get("id").asText())
                .isEqualTo(world.carl.id().toString());
    }

    /** The answer placed the mail on a new ticket of its own, whose requester is {@code requester}. */
    private void filedApart(JsonNode answer, String requester) {
        assertThat(answer.get("outcome").asText()).as(answer.toString()).isEqualTo("ticket_created");
        assertThat(answer.get("ticket_id").asText())
                .isNotEqualTo(target.get("ticket_id").asText());
        JsonNode ticket = world.staffView(answer.get("ticket_id").asText());
        assertThat(ticket.get("requester").get("name").asText().toLowerCase(Locale.ROOT))
                .contains(requester.toLowerCase(Locale.ROOT));
        assertThat(ticket.get("messages")).as("no one posted on the new ticket").isEmpty();
    }

    private void ignored(JsonNode answer, String reason) {
        assertThat(answer.get("outcome").asText()).as(answer.toString()).isEqualTo("ignored");
        assertThat(answer.get("reason").asText()).isEqualTo(reason);
        assertThat(answer.get("ticket_id").isNull()).isTrue();
    }

    private String number() {
        return target.get("ticket_number").asText();
    }

    private String root() {
        return world.ids.root(InboundMailWorld.ticketId(target));
    }

    @Test
    void a_forged_from_of_the_requester_without_token_or_references_never_reaches_their_ticket() {
        filedApart(world.received(TestMail.from("carl@acme.example").subject("About my printer")), "carl");
        targetUntouched();
    }

    @Test
    void a_forged_from_of_an_agent_without_a_token_is_ignored_even_naming_the_ticket() {
        ignored(
                world.received(TestMail.from("agnes@acme.example")
                        .header("In-Reply-To", root())
                        .subject("Re: [" + number() + "] Carl's printer")
                        .text("Please send me your password.")),
                "staff_without_valid_token");
        targetUntouched();
    }

    @Test
    void a_forged_from_of_an_agent_with_the_requesters_token_is_ignored() {
        ignored(
                world.received(TestMail.from("agnes@acme.example").to(world.replyAddress(target, world.carl))),
                "staff_without_valid_token");
        targetUntouched();
    }

    @Test
    void a_forged_from_of_an_agent_with_another_agents_token_is_ignored() {
        ignored(
                world.received(TestMail.from("agnes@acme.example").to(world.replyAddress(target, world.bert))),
                "staff_without_valid_token");
        targetUntouched();
    }

    @Test
    void the_requester_using_an_agents_token_never_posts_as_the_agent() {
        filedApart(
                world.received(TestMail.from("carl@acme.example").to(world.replyAddress(target, world.agnes))), "carl");
        targetUntouched();
    }

    @Test
    void a_reply_to_of_the_requester_does_not_make_a_stranger_the_requester() {
        filedApart(
                world.received(TestMail.from("evil@attacker.example")
                        .header("Reply-To", "carl@acme.example")
                        .to(world.replyAddress(target, world.carl))
                        .header("In-Reply-To", root())
                        .subject("Re: [" + number() + "]")),
                "evil@attacker.example");
        targetUntouched();
    }

    @Test
    void a_sender_differing_from_from_is_ignored_without_a_token() {
        ignored(
                world.received(TestMail.from("carl@acme.example")
                        .header("Sender", "evil@attacker.example")
                        .header("In-Reply-To", root())
                        .subject("Re: [" + number() + "]")),
                "sender_differs_from_from");
        targetUntouched();
    }

    @Test
    void two_from_addresses_are_ignored() {
        ignored(
                world.received(TestMail.from("agnes@acme.example, carl@acme.example")
                        .to(world.replyAddress(target, world.carl))),
                "not_one_from_address");
        ignored(
                world.received(TestMail.from("carl@acme.example")
                        .header("From", "agnes@acme.example")
                        .to(world.replyAddress(target, world.carl))),
                "not_one_from_address");
        targetUntouched();
    }

    @Test
    void a_display_name_that_is_an_agents_address_does_not_make_the_sender_that_agent() {
        filedApart(
                world.received(TestMail.from("\"agnes@acme.example\" <evil@attacker.example>")
                        .to(world.replyAddress(target, world.agnes))
                        .subject("Re: [" + number() + "]")),
                "evil@attacker.example");
        targetUntouched();
    }

    @Test
    void an_encoded_word_hiding_an_agents_address_is_not_the_agent() {
        filedApart(
                world.received(TestMail.from("=?utf-8?Q?agnes=40acme.example?= <evil@attacker.example>")
                        .to(world.replyAddress(target, world.agnes))),
                "evil@attacker.example");
        ignored(
                world.received(
                        TestMail.from("=?utf-8?Q?agnes=40acme.example?=").to(world.replyAddress(target, world.agnes))),
                "unreadable_from_address");
        targetUntouched();
    }

    @Test
    void a_unicode_look_alike_of_an_agents_address_is_a_stranger() {
        // Cyrillic "е" in the local part, and a punycode look-alike domain.
        filedApart(
                world.received(TestMail.from("agn\u0435s@acme.example").to(world.replyAddress(target, world.agnes))),
                "agn\u0435s@acme.example");
        filedApart(
                world.received(TestMail.from("agnes@xn--acm-ima.example").to(world.replyAddress(target, world.agnes))),
                "agnes@xn--acm-ima.example");
        targetUntouched();
    }

    @Test
    void a_forged_in_reply_to_from_a_non_participant_files_a_new_ticket() {
        filedApart(
                world.received(TestMail.from("dora@acme.example")
                        .header("In-Reply-To", root())
                        .header("References", root())),
                "dora");
        targetUntouched();
    }

    @Test
    void the_ticket_number_in_the_subject_from_a_non_participant_files_a_new_ticket() {
        filedApart(
                world.received(TestMail.from("dora@acme.example").subject("Re: [" + number() + "] Carl's printer")),
                "dora");
        filedApart(
                world.received(TestMail.from("stranger@elsewhere.example").subject("[" + number() + "]")),
                "stranger@elsewhere.example");
        targetUntouched();
    }

    @Test
    void an_organisation_mate_reaches_a_ticket_only_when_the_organisation_shares_tickets() {
        JsonNode oscars = world.fileByMail(oscar, "Oscar's own");
        JsonNode olgas = world.received(TestMail.from("olga@closed.example")
                .subject("Re: [" + oscars.get("ticket_number").asText() + "]"));
        assertThat(olgas.get("outcome").asText()).isEqualTo("ticket_created");
        assertThat(olgas.get("ticket_id").asText())
                .isNotEqualTo(oscars.get("ticket_id").asText());

        JsonNode sams = world.fileByMail(sam, "Sam's own");
        JsonNode sallys = world.received(TestMail.from("sally@shared.example")
                .subject("Re: [" + sams.get("ticket_number").asText() + "]"));
        assertThat(sallys.get("outcome").asText()).isEqualTo("message_added");
        assertThat(sallys.get("ticket_id").asText())
                .isEqualTo(sams.get("ticket_id").asText());
        assertThat(world.staffView(sams.get("ticket_id").asText())
                        .get("requester")
                        .get("id")
                        .asText())
                .as("the organisation-mate posts, and never becomes the requester")
                .isEqualTo(sam.id().toString());
    }

    @Test
    void another_tenants_token_does_not_verify() {
        String foreign =
                world.tokens.issue(world.globexBoss.tenant(), InboundMailWorld.ticketId(target), world.carl.id());
        filedApart(
                world.received(TestMail.from("carl@acme.example").to("support+r" + foreign + "@acme.example")), "carl");
        targetUntouched();
    }

    @Test
    void a_token_with_one_character_changed_does_not_verify() {
        String token = world.token(target, world.carl);
        char last = token.charAt(token.length() - 2);
        String tampered =
                token.substring(0, token.length() - 2) + (last == 'a' ? 'b' : 'a') + token.charAt(token.length() - 1);
        filedApart(
                world.received(TestMail.from("carl@acme.example").to("support+r" + tampered + "@acme.example")),
                "carl");
        targetUntouched();
    }

    @Test
    void an_upper_cased_token_of_someone_else_does_not_verify_for_the_sender() {
        String upper = world.token(target, world.carl).toUpperCase(Locale.ROOT);
        filedApart(
                world.received(TestMail.from("dora@acme.example").to("support+r" + upper + "@acme.example")), "dora");
        targetUntouched();
        // A mail server that folds the recipient's own address to upper case still threads it.
        JsonNode own = world.received(TestMail.from("carl@acme.example").to("SUPPORT+R" + upper + "@ACME.EXAMPLE"));
        assertThat(own.get("rule").asText()).isEqualTo("reply_token");
        assertThat(own.get("ticket_id").asText())
                .isEqualTo(target.get("ticket_id").asText());
    }

    @Test
    void a_token_of_a_closed_ticket_files_a_new_ticket() {
        JsonNode closed = world.fileByMail(world.carl, "Soon closed");
        TestHttp.Response closing = world.http.send(
                world.admin,
                "PATCH",
                "/api/v1/tickets/" + closed.get("ticket_id").asText(),
                "{\"status\":\"closed\"}");
        assertThat(closing.status()).as(closing.body()).isEqualTo(200);
        int before = world.messages(closed);

        filedApart(
                world.received(TestMail.from("carl@acme.example").to(world.replyAddress(closed, world.carl))), "carl");
        assertThat(world.messages(closed)).isEqualTo(before);
    }

    @Test
    void a_token_of_a_deleted_ticket_files_a_new_ticket() {
        JsonNode deleted = world.fileByMail(world.carl, "Soon deleted");
        TestHttp.Response deleting = world.http.send(
                world.admin,
                "DELETE",
                "/api/v1/tickets/" + deleted.get("ticket_id").asText(),
                null);
        assertThat(deleting.status()).as(deleting.body()).isEqualTo(204);

        filedApart(
                world.received(TestMail.from("carl@acme.example").to(world.replyAddress(deleted, world.carl))), "carl");
        ignored(
                world.received(TestMail.from("agnes@acme.example").to(world.replyAddress(deleted, world.agnes))),
                "staff_without_valid_token");
    }

    @Test
    void a_token_only_in_reply_to_is_no_token() {
        filedApart(
                world.received(
                        TestMail.from("carl@acme.example").header("Reply-To", world.replyAddress(target, world.carl))),
                "carl");
        targetUntouched();
    }

    @Test
    void a_deactivated_agent_with_their_own_valid_token_is_ignored() {
        Person dee = world.server.person(world.boss, "acme", "Dee", Role.AGENT);
        String token = world.replyAddress(target, dee);
        TestHttp.Response deactivating =
                world.http.send(world.admin, "PATCH", "/api/v1/agents/" + dee.id(), "{\"active\":false}");
        assertThat(deactivating.status()).as(deactivating.body()).isEqualTo(200);

        ignored(world.received(TestMail.from("dee@acme.example").to(token)), "sender_deactivated");
        targetUntouched();
    }

    @Test
    void a_customers_token_for_their_own_ticket_cannot_carry_them_onto_another() {
        JsonNode doras = world.fileByMail(world.dora, "Dora's own");
        int dorasMessages = world.messages(doras);
        JsonNode placed = world.received(TestMail.from("carl@acme.example")
                .to(world.replyAddress(target, world.carl))
                .header("In-Reply-To", world.ids.root(InboundMailWorld.ticketId(doras)))
                .subject("Re: [" + doras.get("ticket_number").asText() + "]"));
        assertThat(placed.get("ticket_id").asText())
                .isEqualTo(target.get("ticket_id").asText());
        assertThat(world.messages(doras)).isEqualTo(dorasMessages);
    }

    @Test
    void mail_claiming_to_come_from_the_support_address_or_our_sender_is_ignored() {
        ignored(
                world.received(TestMail.from("support@acme.example").to(world.replyAddress(target, world.carl))),
                "from_support_address");
        ignored(
                world.received(TestMail.from("desk@" + InboundMailWorld.MAIL_DOMAIN)
                        .to(world.replyAddress(target, world.carl))),
                "own_mail");
        targetUntouched();
    }

    @Test
    void request_tracker_style_special_headers_are_not_obeyed() {
        JsonNode placed = world.received(TestMail.from("carl@acme.example")
                .to(world.replyAddress(target, world.carl))
                .header("RT-Send-Cc", "evil@attacker.example")
                .header("RT-Send-Bcc", "evil@attacker.example")
                .header("X-RT-Sign", "1")
                .text("Thanks."));
        assertThat(placed.get("outcome").asText()).isEqualTo("message_added");
        TestHttp.Response people = world.http.get(world.admin, "/api/v1/customers?limit=100");
        assertThat(people.body()).doesNotContain("evil@attacker.example");
    }
}
