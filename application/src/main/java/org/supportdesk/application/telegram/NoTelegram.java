package org.supportdesk.application.telegram;

import java.net.URI;
import java.util.List;
import org.supportdesk.domain.notify.BotAnswer;
import org.supportdesk.domain.notify.BotToken;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.port.TelegramBotApi;

/**
 * For a core composed without a Bot API client (an embedder's, a test's): every bot token is refused when an admin
 * configures Telegram, so no tenant has a bot and nothing is ever sent.
 */
public final class NoTelegram implements TelegramBotApi {
    private static final String WHY = "Telegram is not a channel of this server";

    @Override
    public BotAnswer getMe(BotToken token) {
        return new BotAnswer.Unreachable(WHY);
    }

    @Override
    public BotAnswer setWebhook(BotToken token, URI url, String secret, List<String> allowedUpdates) {
        return new BotAnswer.Unreachable(WHY);
    }

    @Override
    public BotAnswer deleteWebhook(BotToken token) {
        return new BotAnswer.Unreachable(WHY);
    }

    @Override
    public DeliveryOutcome sendMessage(BotToken token, long chatId, String text) {
        return DeliveryOutcome.failed(WHY, 0);
    }
}
