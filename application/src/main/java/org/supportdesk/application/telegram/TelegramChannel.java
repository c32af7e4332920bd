package org.supportdesk.application.telegram;

import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.application.notify.NotificationRules;
import org.supportdesk.application.notify.PortalLinks;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.notify.BotToken;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.NotificationChannel;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.TelegramBotApi;
import org.supportdesk.domain.port.TelegramBots;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Telegram (seed 002) as a {@link NotificationChannel}: a staff member's public reply on a ticket that came from a
 * Telegram chat goes back to that chat with {@code sendMessage}, in seed 002's words with a link to the ticket's portal
 * page. Nothing else does: seed 002 tells the customer of nothing but replies, and {@link
 * NotificationRules#customerMayHear} and the message's own kind are checked again, so nothing internal is ever sent.
 * The text is rendered when the delivery is made; each attempt opens the tenant's bot token afresh, and a bot removed
 * meanwhile parks the delivery.
 */
public final class TelegramChannel implements NotificationChannel {
    public static final String NAME = "telegram";

    private final TelegramBots bots;
    private final TicketRepository tickets;
    private final Journal journal;
    private final TransactionRunner transactions;
    private final TelegramBotApi api;
    private final SecretBox secrets;
    private final PortalLinks links;
    private final InstantSource clock;

    public TelegramChannel(
            TelegramBots bots,
            TicketRepository tickets,
            Journal journal,
            TransactionRunner transactions,
            TelegramBotApi api,
            SecretBox secrets,
            PortalLinks links,
            InstantSource clock) {
        this.bots = bots;
        this.tickets = tickets;
        this.journal = journal;
        this.transactions = transactions;
        this.api = api;
        this.secrets = secrets;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Delivery> deliveriesFor(NotificationIntent intent, IdGenerator newId) {
        if (intent.topic() != NotificationTopic.STAFF_REPLIED
                || !intent.audiences().contains(Audience.REQUESTER)
                || !NotificationRules.customerMayHear(intent.topic())
                || intent.ticket().isEmpty()) {
            return List.of();
        }
        TenantId tenant = intent.tenant();
        if (bots.bot(tenant).isEmpty()) {
            return List.of();
        }
        Optional<TicketState> ticket = tickets.find(tenant, intent.ticket().get())
                .map(Ticket::state)
                .filter(t -> t.source() == TicketSource.TELEGRAM);
        Optional<Long> chat = ticket.flatMap(t -> bots.chatOf(tenant, t.id()));
        Optional<Message> reply = ticket.flatMap(t -> replyOf(intent, t));
        if (chat.isEmpty() || reply.isEmpty()) {
            return List.of();
        }
        String text = TelegramMessages.staffReply(
                bots.chat(tenant, chat.get()).flatMap(c -> c.languageCode()),
                ticket.get().number(),
                reply.get().body(),
                links.ticket(ticket.get().id()));
        return List.of(Delivery.owed(
                newId.newId(),
                tenant,
                intent.id(),
                NAME,
                chat.get().toString(),
                "staff_replied",
                "telegram:" + intent.dedupKey(),
                text,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * The message the intent is about: the journal entry that keyed the intent names it. Only a public message the
     * customer can see qualifies, whatever the intent says.
     */
    private Optional<Message> replyOf(NotificationIntent intent, TicketState ticket) {
        Optional<String> messageId = journal
                .entriesAbout(intent.tenant(), ticket.id().value())
                .stream()
                .filter(entry -> entry.id().toString().equals(intent.dedupKey()))
                .map(JournalEntry::changes)
                .flatMap(List::stream)
                .filter(change -> change.field().equals("message_id"))
                .map(FieldChange::after)
                .flatMap(Optional::stream)
                .findFirst();
        return messageId.flatMap(id -> tickets.messagesOf(intent.tenant(), ticket.id()).stream()
                .filter(m -> m.id().value().equals(UUID.fromString(id)))
                .filter(m -> m.kind() == MessageKind.PUBLIC && m.customerVisible())
                .findFirst());
    }

    @Override
    public DeliveryOutcome send(Delivery delivery) {
        TenantId tenant = delivery.tenant();
        Optional<TelegramBot> bot;
        try {
            bot = transactions.inTransaction(tenant, () -> bots.bot(tenant));
        } catch (RuntimeException e) {
            return DeliveryOutcome.failed(
                    "the Telegram bot could not be read: " + e.getClass().getSimpleName(), 0);
        }
        if (bot.isEmpty()) {
            return DeliveryOutcome.gone("the tenant's Telegram bot was removed");
        }
        BotToken token = new BotToken(secrets.open(bot.get().sealedToken()));
        return api.sendMessage(token, Long.parseLong(delivery.recipient()), delivery.payload());
    }
}
