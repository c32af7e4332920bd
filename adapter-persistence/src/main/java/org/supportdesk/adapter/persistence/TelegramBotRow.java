package org.supportdesk.adapter.persistence;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.tenant.TenantId;

/** A {@code telegram_bots} row; public because JDBI binds public accessors only. The token stays sealed. */
public record TelegramBotRow(
        UUID tenantId,
        String username,
        String sealedToken,
        String secretDigest,
        String webhookUrl,
        Instant configuredAt) {

    static TelegramBotRow from(TelegramBot bot) {
        return new TelegramBotRow(
                bot.tenant().value(),
                bot.username(),
                bot.sealedToken(),
                bot.secretDigest(),
                bot.webhookUrl().toString(),
                bot.configuredAt());
    }

    TelegramBot toDomain() {
        return new TelegramBot(
                new TenantId(tenantId), username, sealedToken, secretDigest, URI.create(webhookUrl), configuredAt);
    }
}
