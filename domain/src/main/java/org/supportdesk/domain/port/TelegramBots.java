package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Optional;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.notify.TelegramChat;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * A tenant's Telegram bot, the chats it talks with, which ticket each chat's messages went to (seed 002's {@code
 * telegram_chat_id}, {@code telegram_message_id}) and the updates already taken. Every method acts for the tenant it
 * names, inside a transaction bound to it ({@link TransactionRunner}).
 */
public interface TelegramBots {
    /** The tenant's bot; empty when Telegram is not configured. */
    Optional<TelegramBot> bot(TenantId tenant);

    /** Stores the tenant's bot, replacing the one before. */
    void saveBot(TelegramBot bot);

    /** Forgets the tenant's bot (its chats and links stay); answers whether there was one. */
    boolean removeBot(TenantId tenant);

    /** The chat with that Telegram id; empty before its first message. */
    Optional<TelegramChat> chat(TenantId tenant, long chatId);

    void addChat(TelegramChat chat);

    /** The ticket a message of the chat went to last; empty for a chat that has none. */
    Optional<TicketId> latestTicket(TenantId tenant, long chatId);

    /** The chat a ticket came from; empty for a ticket that did not come through Telegram. */
    Optional<Long> chatOf(TenantId tenant, TicketId ticket);

    /** Records that {@code ticket} was filed from the chat's message {@code telegramMessageId}. */
    void linkTicket(TenantId tenant, TicketId ticket, long chatId, long telegramMessageId, Instant at);

    /** Records the Telegram id of the message {@code message} was made from. */
    void linkMessage(TenantId tenant, MessageId message, long chatId, long telegramMessageId);

    /**
     * Takes the update {@code updateId} of the tenant's bot: answers true the first time, false when it was taken
     * before (Telegram sends an update again until it is answered with 2xx). Concurrent takers of one update wait for
     * each other, so exactly one of them gets true.
     */
    boolean takeUpdate(TenantId tenant, long updateId, Instant at);
}
