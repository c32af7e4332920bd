package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.notify.TelegramChat;
import org.supportdesk.domain.port.TelegramBots;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/** The Telegram channel's records in PostgreSQL (see {@link TelegramDao}). */
public final class JdbiTelegramBots implements TelegramBots {
    private final TenantScope scope;

    JdbiTelegramBots(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<TelegramBot> bot(TenantId tenant) {
        return dao(tenant).bot(tenant.value()).map(TelegramBotRow::toDomain);
    }

    @Override
    public void saveBot(TelegramBot bot) {
        dao(bot.tenant()).saveBot(TelegramBotRow.from(bot));
    }

    @Override
    public boolean removeBot(TenantId tenant) {
        return dao(tenant).removeBot(tenant.value()) > 0;
    }

    @Override
    public Optional<TelegramChat> chat(TenantId tenant, long chatId) {
        return dao(tenant).chat(tenant.value(), chatId).map(TelegramChatRow::toDomain);
    }

    @Override
    public void addChat(TelegramChat chat) {
        dao(chat.tenant()).addChat(TelegramChatRow.from(chat));
    }

    @Override
    public Optional<TicketId> latestTicket(TenantId tenant, long chatId) {
        return dao(tenant).latestTicket(tenant.value(), chatId).map(TicketId::new);
    }

    @Override
    public Optional<Long> chatOf(TenantId tenant, TicketId ticket) {
        return dao(tenant).chatOf(tenant.value(), ticket.value());
    }

    @Override
    public void linkTicket(TenantId tenant, TicketId ticket, long chatId, long telegramMessageId, Instant at) {
        dao(tenant).linkTicket(tenant.value(), ticket.value(), chatId, telegramMessageId, at);
    }

    @Override
    public void linkMessage(TenantId tenant, MessageId message, long chatId, long telegramMessageId) {
        dao(tenant).linkMessage(tenant.value(), message.value(), chatId, telegramMessageId);
    }

    @Override
    public boolean takeUpdate(TenantId tenant, long updateId, Instant at) {
        return dao(tenant).takeUpdate(tenant.value(), updateId, at) == 1;
    }

    private TelegramDao dao(TenantId tenant) {
        return scope.dao(tenant, TelegramDao.class);
    }
}
