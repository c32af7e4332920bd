package org.supportdesk.domain.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * A private Telegram chat with a tenant's bot (seed 002's {@code telegram_chat_id}) and the customer made for it on
 * first contact; {@code languageCode} is the Telegram user's (IETF tag, e.g. {@code ru}), which picks the language of
 * what the bot writes back.
 */
public record TelegramChat(
        TenantId tenant, long chatId, UserId customer, Optional<String> languageCode, Instant firstSeenAt) {
    public TelegramChat {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(languageCode, "languageCode");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }
}
