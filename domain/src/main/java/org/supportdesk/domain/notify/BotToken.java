package org.supportdesk.domain.notify;

import java.util.regex.Pattern;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * A Telegram bot's token ({@code <bot id>:<secret>}, as BotFather issues it). It is a credential and part of every Bot
 * API URL, so {@link #toString()} shows only the bot's id: a token printed or logged by mistake reveals nothing.
 */
public record BotToken(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");

    public BotToken {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw ValidationFailed.of("bot_token", "must be a Telegram bot token (<bot id>:<secret>, from BotFather)");
        }
    }

    /** The bot's numeric id, the part before the colon; not secret. */
    public String botId() {
        return value.substring(0, value.indexOf(':'));
    }

    @Override
    public String toString() {
        return "BotToken[" + botId() + ":(hidden)]";
    }
}
