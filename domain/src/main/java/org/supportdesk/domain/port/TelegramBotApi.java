package org.supportdesk.domain.port;

import java.net.URI;
import java.util.List;
import org.supportdesk.domain.notify.BotAnswer;
import org.supportdesk.domain.notify.BotToken;
import org.supportdesk.domain.notify.DeliveryOutcome;

/**
 * The Telegram Bot API (supportdesk-adapter-notify): every call bounded in time, never throwing for a failure of
 * Telegram, and never writing the token (part of the URL) to a log or an answer.
 */
public interface TelegramBotApi {
    /** {@code getMe}: checks the token; {@link BotAnswer.Accepted} carries the bot's username. */
    BotAnswer getMe(BotToken token);

    /** {@code setWebhook}: Telegram will POST updates of {@code allowedUpdates} to {@code url} with {@code secret}. */
    BotAnswer setWebhook(BotToken token, URI url, String secret, List<String> allowedUpdates);

    /** {@code deleteWebhook}: Telegram stops sending updates. */
    BotAnswer deleteWebhook(BotToken token);

    /**
     * {@code sendMessage} of plain {@code text} to {@code chatId}: delivered on {@code ok: true}; a 429 or a 5xx, a
     * timeout or no connection is a failed attempt to retry; any other refusal (400 chat not found, 403 bot blocked,
     * 401 token revoked) is {@linkplain DeliveryOutcome#permanent() permanent}, so the delivery is parked at once.
     */
    DeliveryOutcome sendMessage(BotToken token, long chatId, String text);
}
