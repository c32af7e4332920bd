package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.notify.TelegramChat;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** A {@code telegram_chats} row; public because JDBI binds public accessors only. */
public record TelegramChatRow(UUID tenantId, long chatId, UUID customerId, String languageCode, Instant firstSeenAt) {

    static TelegramChatRow from(TelegramChat chat) {
        return new TelegramChatRow(
                chat.tenant().value(),
                chat.chatId(),
                chat.customer().value(),
                chat.languageCode().orElse(null),
                chat.firstSeenAt());
    }

    TelegramChat toDomain() {
        return new TelegramChat(
                new TenantId(tenantId), chatId, new UserId(customerId), Optional.ofNullable(languageCode), firstSeenAt);
    }
}
