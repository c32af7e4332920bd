package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.mail.ImapAccount;
import org.supportdesk.domain.mail.ImapSecurity;
import org.supportdesk.domain.mail.MailOutcome;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.mail.ReceivedMail;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.ReceivedMails;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * What {@link EmailChannels} and {@link ReceivedMails} must do, whatever holds them: a tenant's channel round-trips
 * whole (with or without its mailbox), is replaced by a save and stays in its tenant; a received mail is recorded
 * once per key and tenant, and the rules of a ticket's mailed messages come back by message. An adapter's test extends
 * this and supplies the stores.
 */
public abstract class InboundMailStoresContract {
    private final UUID run = UUID.randomUUID();
    protected final TenantFixture acme = new TenantFixture("acme-" + run);
    protected final TenantFixture globex = new TenantFixture("globex-" + run);
    private final Instant at = Instant.parse("2026-03-02T09:00:00.123456Z");

    protected abstract EmailChannels channels();

    protected abstract ReceivedMails mails();

    protected abstract TransactionRunner transactions();

    /** Makes the tenant known to the stores. */
    protected abstract void givenTenant(TenantFixture tenant);

    @BeforeEach
    void knowBothTenants() {
        givenTenant(acme);
        givenTenant(globex);
    }

    @Test
    void a_channel_round_trips_whole_is_replaced_by_a_save_and_stays_in_its_tenant() {
        EmailChannel bare =
                new EmailChannel(acme.tenant, Email.of("support@acme.example"), Optional.empty(), "h1", at, at);
        in(acme.tenant, () -> {
            channels().save(bare);
            return null;
        });
        assertThat(in(acme.tenant, () -> channels().find(acme.tenant))).contains(bare);
        assertThat(in(globex.tenant, () -> channels().find(globex.tenant))).isEmpty();
        assertThat(in(globex.tenant, () -> channels().delete(globex.tenant))).isFalse();

        EmailChannel withMailbox = new EmailChannel(
                acme.tenant,
                Email.of("help@acme.example"),
                Optional.of(new ImapAccount("imap.acme.example", 993, ImapSecurity.TLS, "help", "sealed", "INBOX")),
                "h2",
                at,
                at.plusSeconds(60));
        in(acme.tenant, () -> {
            channels().save(withMailbox);
            return null;
        });
        assertThat(in(acme.tenant, () -> channels().find(acme.tenant))).contains(withMailbox);

        assertThat(in(acme.tenant, () -> channels().delete(acme.tenant))).isTrue();
        assertThat(in(acme.tenant, () -> channels().find(acme.tenant))).isEmpty();
    }

    @Test
    void a_mail_is_recorded_once_per_key_and_tenant() {
        ReceivedMail first = ignored(acme.tenant, "<same@example.org>", "auto_submitted");
        ReceivedMail again = ignored(acme.tenant, "<same@example.org>", "bounce");
        ReceivedMail elsewhere = ignored(globex.tenant, "<same@example.org>", "bounce");

        assertThat(in(acme.tenant, () -> mails().add(first))).isTrue();
        assertThat(in(acme.tenant, () -> mails().add(again))).isFalse();
        assertThat(in(globex.tenant, () -> mails().add(elsewhere))).isTrue();

        assertThat(in(acme.tenant, () -> mails().find(acme.tenant, "<same@example.org>")))
                .contains(first);
        assertThat(in(globex.tenant, () -> mails().find(globex.tenant, "<same@example.org>")))
                .contains(elsewhere);
        assertThat(in(acme.tenant, () -> mails().find(acme.tenant, "<other@example.org>")))
                .isEmpty();
    }

    @Test
    void the_rules_of_a_tickets_mailed_messages_come_back_by_message() {
        TicketId ticket = new TicketId(UUID.randomUUID());
        MessageId byToken = new MessageId(UUID.randomUUID());
        MessageId byNumber = new MessageId(UUID.randomUUID());
        in(acme.tenant, () -> {
            mails().add(placed(acme.tenant, "<a@x>", ticket, MailRule.NEW_TICKET, Optional.empty()));
            mails().add(placed(acme.tenant, "<b@x>", ticket, MailRule.REPLY_TOKEN, Optional.of(byToken)));
            mails().add(placed(acme.tenant, "<c@x>", ticket, MailRule.SUBJECT_NUMBER, Optional.of(byNumber)));
            mails().add(placed(
                    acme.tenant,
                    "<d@x>",
                    new TicketId(UUID.randomUUID()),
                    MailRule.IN_REPLY_TO,
                    Optional.of(new MessageId(UUID.randomUUID()))));
            return null;
        });

        Map<MessageId, MailRule> rules = in(acme.tenant, () -> mails().rulesOf(acme.tenant, ticket));

        assertThat(rules)
                .containsOnly(Map.entry(byToken, MailRule.REPLY_TOKEN), Map.entry(byNumber, MailRule.SUBJECT_NUMBER));
        assertThat(in(globex.tenant, () -> mails().rulesOf(globex.tenant, ticket)))
                .isEmpty();
        assertThat(in(acme.tenant, () -> mails().find(acme.tenant, "<b@x>"))
                        .orElseThrow()
                        .ticketNumber())
                .contains(new TicketNumber(2026, 42));
    }

    private ReceivedMail ignored(TenantId tenant, String key, String reason) {
        return new ReceivedMail(
                tenant,
                key,
                "someone@example.org",
                MailOutcome.IGNORED,
                Optional.empty(),
                Optional.of(reason),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                at);
    }

    private ReceivedMail placed(
            TenantId tenant, String key, TicketId ticket, MailRule rule, Optional<MessageId> message) {
        return new ReceivedMail(
                tenant,
                key,
                "carl@example.org",
                message.isPresent() ? MailOutcome.MESSAGE_ADDED : MailOutcome.TICKET_CREATED,
                Optional.of(rule),
                Optional.empty(),
                Optional.of(ticket),
                Optional.of(new TicketNumber(2026, 42)),
                message,
                at);
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return transactions().inTransaction(tenant, work);
    }
}
