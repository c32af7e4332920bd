package org.supportdesk.domain.notify;

import java.util.Objects;
import java.util.Optional;

/** What the Telegram Bot API made of one call: taken, refused (with Telegram's code and reason), or no answer. */
public sealed interface BotAnswer {
    /** Telegram took the call; {@code username} is the bot's, when the call was {@code getMe}. */
    record Accepted(Optional<String> username) implements BotAnswer {
        public Accepted {
            Objects.requireNonNull(username, "username");
        }
    }

    /** Telegram answered {@code ok: false}: e.g. 401 for a wrong token, 400 for a webhook URL it will not take. */
    record Refused(int status, String description) implements BotAnswer {
        public Refused {
            Objects.requireNonNull(description, "description");
        }
    }

    /** No usable answer in bounded time: no connection, a timeout, a 5xx, or a body that is not the Bot API's. */
    record Unreachable(String reason) implements BotAnswer {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
