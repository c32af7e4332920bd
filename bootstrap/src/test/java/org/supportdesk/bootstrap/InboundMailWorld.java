package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.supportdesk.application.mail.MessageIds;
import org.supportdesk.application.mail.ReplyTokens;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The whole server with tenant {@code acme} (admin Boss, agents Agnes and Bert, customers Carl and Dora) whose email
 * channel is configured with support address {@code support@acme.example}, and tenant {@code globex} next door. Our
 * mail is {@code desk@mail.acme.example} and reply tokens are keyed by a known secrets key, so tests can mint the
 * tokens and Message-IDs our outgoing mail would carry.
 */
final class InboundMailWorld implements AutoCloseable {
    static final String SECRETS_KEY = "inbound-mail-test-secrets-key-that-is-long-enough-0123456789";
    static final String MAIL_DOMAIN = "mail.acme.example";

    final ApiServer server;
    final TestHttp http;
    final StaffActor boss;
    final StaffActor globexBoss;
    final Person agnes;
    final Person bert;
    final Person carl;
    final Person dora;
    final String admin;
    final String agent;
    final String carlToken;
    final String secret;
    final ReplyTokens tokens = ReplyTokens.derivedFrom(SECRETS_KEY);
    final MessageIds ids = new MessageIds(MAIL_DOMAIN);

    private InboundMailWorld(ApiServer server) {
        this.server = server;
        this.http = server.http;
        this.boss = Onboarding.tenant(server.desk.useCases(), "acme", "boss@acme.example", "boss-password");
        this.globexBoss =
                Onboarding.tenant(server.desk.useCases(), "globex", "boss@globex.example", "globex-boss-password");
        this.agnes = server.person(boss, "acme", "Agnes", Role.AGENT);
        this.bert = server.person(boss, "acme", "Bert", Role.AGENT);
        this.carl = server.person(boss, "acme", "Carl", Role.CUSTOMER);
        this.dora = server.person(boss, "acme", "Dora", Role.CUSTOMER);
        this.admin = server.signIn("acme", "boss@acme.example", "boss-password");
        this.agent = server.signIn("acme", "agnes@acme.example", "agnes-password");
        this.carlToken = server.signIn("acme", "carl@acme.example", "carl-password");
        TestHttp.Response configured =
                http.send(admin, "PUT", "/api/v1/channels/email", "{\"support_address\":\"support@acme.example\"}");
        assertThat(configured.status()).as(configured.body()).isEqualTo(201);
        assertThat(configured.json().get("imap").isNull()).isTrue();
        this.secret = configured.json().get("inbound_secret").asText();
    }

    static InboundMailWorld start(Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(NotifySettings.SECRETS_KEY, SECRETS_KEY);
        all.put(ChannelSettings.MAIL_FROM, "desk@" + MAIL_DOMAIN);
        // The tests poll mailboxes themselves; the server's own poller waits a day before its first round.
        all.put(ChannelSettings.IMAP_POLL_SECONDS, "86400");
        ApiServer server = ApiServer.start(dataDir, all);
        try {
            return new InboundMailWorld(server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    TenantId acme() {
        return boss.tenant();
    }

    /** Posts the mail to acme's hook with its secret. */
    TestHttp.Response deliver(TestMail mail) {
        return deliver(mail.bytes());
    }

    TestHttp.Response deliver(byte[] raw) {
        return http.postBytes(secret, "/api/v1/inbound/email/acme", "message/rfc822", raw);
    }

    /** Posts the mail and answers what became of it, which must be a 200. */
    JsonNode received(TestMail mail) {
        TestHttp.Response answer = deliver(mail);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** A new ticket filed by mail from {@code person}; answers the hook's answer (ticket_id, ticket_number). */
    JsonNode fileByMail(Person person, String subject) {
        JsonNode filed =
                received(TestMail.from(person.email().value()).subject(subject).text("Please help."));
        assertThat(filed.get("outcome").asText()).as(filed.toString()).isEqualTo("ticket_created");
        return filed;
    }

    /** The token our mail about {@code ticket} gives {@code person} to reply with. */
    String token(JsonNode ticket, Person person) {
        return tokens.issue(acme(), ticketId(ticket), person.id());
    }

    /** The reply address carrying that token. */
    String replyAddress(JsonNode ticket, Person person) {
        return "support+r" + token(ticket, person) + "@acme.example";
    }

    static TicketId ticketId(JsonNode ticket) {
        return new TicketId(UUID.fromString(ticket.get("ticket_id").asText()));
    }

    /** The ticket as staff see it. */
    JsonNode staffView(String idOrNumber) {
        TestHttp.Response ticket = http.get(admin, "/api/v1/tickets/" + idOrNumber);
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(200);
        return ticket.json();
    }

    /** How many messages the ticket has (staff view). */
    int messages(JsonNode ticket) {
        return staffView(ticket.get("ticket_id").asText()).get("messages").size();
    }

    /** How many tickets acme has, deleted ones aside. */
    long tickets() {
        TestHttp.Response list = http.get(admin, "/api/v1/tickets?limit=1");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("pagination").get("total").asLong();
    }

    @Override
    public void close() {
        server.close();
    }
}
