package org.supportdesk.domain.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import org.supportdesk.domain.tenant.TenantId;

/**
 * A tenant's Telegram bot (seed 002): its name at Telegram, its token sealed ({@link
 * org.supportdesk.domain.port.SecretBox}, the sender opens it to call the Bot API), the SHA-256 digest of the secret
 * Telegram sends with every update (only ever compared, so only the digest is kept), and the webhook URL registered.
 */
public record TelegramBot(
        TenantId tenant,
        String username,
        String sealedToken,
        String secretDigest,
        URI webhookUrl,
        Instant configuredAt) {
    public TelegramBot {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sealedToken, "sealedToken");
        Objects.requireNonNull(secretDigest, "secretDigest");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(configuredAt, "configuredAt");
    }
}
