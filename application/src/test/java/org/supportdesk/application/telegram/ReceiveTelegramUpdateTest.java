package org.supportdesk.application.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.telegram.ReceiveTelegramUpdate.Outcome;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/** Chat messages to acme's bot over the in-memory core, on a clock the test moves (the reopen window). */
class ReceiveTelegramUpdateTest extends UseCaseTest {
    private static final String SECRET = "acme-webhook-secret";
    private long updates;

    @BeforeEach
    void acmeHasABot() {
        core.transactions.inTransaction(acme.tenant, () -> {
            core.telegram.saveBot(new TelegramBot(
                    acme.tenant,
                    "acme_help_bot",
                    "sealed",
                    WebhookSecrets.digest(SECRET),
                    URI.create("https://desk.example/api/v1/inbound/telegram/" + acme.tenant.value()),
                    core.clock.instant()));
            return null;
        });
    }

    private Outcome write(TenantId tenant, String secret, long chat, String text) {
        TelegramUpdate update = new TelegramUpdate(
                ++updates,
                Optional.of(new TelegramUpdate.IncomingMessage(
                        updates,
                        chat,
                        "private",
                        new TelegramUpdate.Sender(chat, false, "Ivan", Optional.of("Petrov"), Optional.of("ru")),
                        Optional.of(text))));
        return core.channels()
                .receiveTelegramUpdate()
                .handle(new ReceiveTelegramUpdate.Command(tenant, secret, update));
    }

    private Outcome write(long chat, String text) {
        return write(acme.tenant, SECRET, chat, text);
    }

    private TicketState ticketOf(long chat) {
        return core.read(acme.tenant, () -> core.telegram
                .latestTicket(acme.tenant, chat)
                .flatMap(id -> core.tickets.find(acme.tenant, id))
                .map(Ticket::state)
                .orElseThrow());
    }

    private Person requesterOf(TicketState ticket) {
        return core.read(
                acme.tenant,
                () -> core.people.person(acme.tenant, ticket.requester()).orElseThrow());
    }

    @Test
    void a_chat_gets_one_customer_whose_address_reaches_no_one_and_the_system_journals_making_them() {
        assertThat(write(101, "Help with my order")).isEqualTo(Outcome.FILED);
        TicketState first = ticketOf(101);
        Person customer = requesterOf(first);
        assertThat(customer.role()).isEqualTo(Role.CUSTOMER);
        assertThat(customer.name()).isEqualTo("Ivan Petrov");
        assertThat(customer.email().value()).isEqualTo("telegram-101@telegram.invalid");
        assertThat(first.source()).isEqualTo(TicketSource.TELEGRAM);
        assertThat(core.read(
                        acme.tenant,
                        () -> core.journal.entriesAbout(
                                acme.tenant, customer.id().value())))
                .extracting(JournalEntry::action)
                .containsExactly(JournalAction.PERSON_CREATED);

        core.clock.advance(Duration.ofMinutes(1));
        moveTo(first.id(), TicketStatus.CLOSED);
        assertThat(write(101, "Another question")).isEqualTo(Outcome.FILED);
        assertThat(requesterOf(ticketOf(101)).id()).isEqualTo(customer.id());
        assertThat(write(102, "Someone else")).isEqualTo(Outcome.FILED);
        assertThat(requesterOf(ticketOf(102)).id()).isNotEqualTo(customer.id());
    }

    @Test
    void a_message_within_the_reopen_window_reopens_the_chats_resolved_ticket() {
        write(201, "It is broken");
        TicketState ticket = ticketOf(201);
        moveTo(ticket.id(), TicketStatus.RESOLVED);
        core.clock.advance(Duration.ofDays(6));

        assertThat(write(201, "Still broken")).isEqualTo(Outcome.REPLIED);
        TicketState reopened = ticketOf(201);
        assertThat(reopened.id()).isEqualTo(ticket.id());
        assertThat(reopened.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(conversationOf(reopened))
                .filteredOn(m -> m.kind() == MessageKind.PUBLIC)
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.via()).isEqualTo(Via.TELEGRAM);
                    assertThat(m.body().value()).isEqualTo("Still broken");
                });
    }

    @Test
    void after_the_reopen_window_the_chat_gets_a_follow_up_ticket() {
        write(301, "It is broken");
        TicketState resolved = moveTo(ticketOf(301).id(), TicketStatus.RESOLVED);
        core.clock.advance(Duration.ofDays(8));

        assertThat(write(301, "Broken again")).isEqualTo(Outcome.FILED);
        TicketState followUp = ticketOf(301);
        assertThat(followUp.id()).isNotEqualTo(resolved.id());
        assertThat(followUp.followUpOf()).contains(resolved.id());
        assertThat(stored(resolved).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(conversationOf(resolved)).noneMatch(m -> m.kind() == MessageKind.PUBLIC);
    }

    @Test
    void a_wrong_secret_or_a_tenant_without_a_bot_is_refused_and_changes_nothing() {
        assertThat(write(acme.tenant, "not-the-secret", 401, "Hello")).isEqualTo(Outcome.REFUSED);
        assertThat(write(acme.tenant, "", 401, "Hello")).isEqualTo(Outcome.REFUSED);
        assertThat(write(globex.tenant, SECRET, 401, "Hello")).isEqualTo(Outcome.REFUSED);
        assertThat(core.channels().receiveTelegramUpdate().accepts(globex.tenant, SECRET))
                .isFalse();
        assertThat(core.channels().receiveTelegramUpdate().accepts(acme.tenant, SECRET))
                .isTrue();
        assertThat(core.read(acme.tenant, () -> core.telegram.chat(acme.tenant, 401)))
                .isEmpty();
        assertThat(core.outbox.intents()).isEmpty();
    }
}
