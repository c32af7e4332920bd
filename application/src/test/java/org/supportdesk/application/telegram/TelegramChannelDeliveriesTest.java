package org.supportdesk.application.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.notify.PortalLinks;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.domain.notify.BotAnswer;
import org.supportdesk.domain.notify.BotToken;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.TelegramBotApi;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * What {@link TelegramChannel} owes for every notification intent a Telegram ticket's life makes, over the in-memory
 * core: a staff public reply and nothing else, to the ticket's chat, sent with the tenant's token.
 */
class TelegramChannelDeliveriesTest extends UseCaseTest {
    private static final String SECRET = "acme-webhook-secret";
    private static final String TOKEN = "123456:abcdefghijklmnopqrstuvwxyz0123456";
    private static final long CHAT = 777;

    /** Sends nothing anywhere: records what it was asked to send. */
    private static final class RecordingBotApi implements TelegramBotApi {
        final List<String> sent = new ArrayList<>();

        @Override
        public BotAnswer getMe(BotToken token) {
            throw new AssertionError("not called by the channel");
        }

        @Override
        public BotAnswer setWebhook(BotToken token, URI url, String secret, List<String> allowedUpdates) {
            throw new AssertionError("not called by the channel");
        }

        @Override
        public BotAnswer deleteWebhook(BotToken token) {
            throw new AssertionError("not called by the channel");
        }

        @Override
        public DeliveryOutcome sendMessage(BotToken token, long chatId, String text) {
            sent.add(token.value() + " " + chatId + " " + text);
            return DeliveryOutcome.delivered(200, 1);
        }
    }

    private final RecordingBotApi api = new RecordingBotApi();
    private TelegramChannel channel;

    @BeforeEach
    void acmeHasABot() {
        core.transactions.inTransaction(acme.tenant, () -> {
            core.telegram.saveBot(new TelegramBot(
                    acme.tenant,
                    "acme_help_bot",
                    core.secretBox.seal(TOKEN),
                    WebhookSecrets.digest(SECRET),
                    URI.create("https://desk.example/api/v1/inbound/telegram/" + acme.tenant.value()),
                    core.clock.instant()));
            return null;
        });
        channel = new TelegramChannel(
                core.telegram,
                core.tickets,
                core.journal,
                core.transactions,
                api,
                core.secretBox,
                new PortalLinks(URI.create("https://desk.example")),
                core.clock);
    }

    private TicketState telegramTicket() {
        TelegramUpdate update = new TelegramUpdate(
                1,
                Optional.of(new TelegramUpdate.IncomingMessage(
                        1,
                        CHAT,
                        "private",
                        new TelegramUpdate.Sender(CHAT, false, "Ivan", Optional.empty(), Optional.of("en")),
                        Optional.of("My order is late"))));
        core.channels().receiveTelegramUpdate().handle(new ReceiveTelegramUpdate.Command(acme.tenant, SECRET, update));
        return core.read(acme.tenant, () -> core.telegram
                .latestTicket(acme.tenant, CHAT)
                .flatMap(id -> core.tickets.find(acme.tenant, id))
                .map(Ticket::state)
                .orElseThrow());
    }

    /** What the channel owes for every intent in the outbox, as the dispatcher asks: in the tenant's transaction. */
    private List<Delivery> owed() {
        List<Delivery> owed = new ArrayList<>();
        for (NotificationIntent intent : core.outbox.intents()) {
            owed.addAll(core.read(intent.tenant(), () -> channel.deliveriesFor(intent, core.ids)));
        }
        return owed;
    }

    @Test
    void only_a_staff_public_reply_on_a_telegram_ticket_is_owed_to_its_chat() {
        TicketState ticket = telegramTicket();
        core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.adminActor(), ticket.id(), Optional.of(acme.agent.id()), Optional.empty()));
        note(ticket.id(), "Internal: the courier lost it");
        customerReply(
                core.read(acme.tenant, () -> core.people.person(acme.tenant, ticket.requester()))
                        .map(person -> acme.asCustomer(person))
                        .orElseThrow(),
                ticket.id(),
                "Any news?");
        reply(acme.agentActor(), ticket.id(), "A new parcel is on its way");
        moveTo(ticket.id(), TicketStatus.RESOLVED);
        reply(acme.agentActor(), aTicket().id(), "A portal ticket's answer");

        List<Delivery> owed = owed();
        assertThat(owed).singleElement().satisfies(delivery -> {
            assertThat(delivery.channel()).isEqualTo("telegram");
            assertThat(delivery.recipient()).isEqualTo(Long.toString(CHAT));
            assertThat(delivery.payload())
                    .contains("A new parcel is on its way")
                    .contains("https://desk.example/tickets/" + ticket.id().value())
                    .doesNotContain("courier");
        });

        assertThat(channel.send(owed.get(0)).delivered()).isTrue();
        assertThat(api.sent).singleElement().asString().startsWith(TOKEN + " " + CHAT + " 📨 New message on ticket");
    }

    @Test
    void a_bot_removed_before_the_attempt_parks_the_delivery_without_a_call() {
        TicketState ticket = telegramTicket();
        reply(acme.agentActor(), ticket.id(), "Answer");
        Delivery owed = owed().get(0);
        core.transactions.inTransaction(acme.tenant, () -> core.telegram.removeBot(acme.tenant));

        DeliveryOutcome outcome = channel.send(owed);
        assertThat(outcome.permanent()).isTrue();
        assertThat(api.sent).isEmpty();
    }
}
