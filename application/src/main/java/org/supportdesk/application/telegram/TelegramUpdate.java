package org.supportdesk.application.telegram;

import java.util.Objects;
import java.util.Optional;

/**
 * An update Telegram POSTed to a tenant's inbound route, as far as Supportdesk reads it: its id, and the new message it
 * carries, if it carries one at all (an edit, a channel post or anything else carries none here).
 */
public record TelegramUpdate(long updateId, Optional<IncomingMessage> message) {
    public TelegramUpdate {
        Objects.requireNonNull(message, "message");
    }

    /**
     * A new message: its id in the chat, the chat (its id and type: {@code private}, {@code group} …), who sent it, and
     * its text, or a photo's or document's caption; empty for a sticker, a bare photo and the like.
     */
    public record IncomingMessage(long messageId, long chatId, String chatType, Sender from, Optional<String> text) {
        public IncomingMessage {
            Objects.requireNonNull(chatType, "chatType");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The Telegram user who wrote. */
    public record Sender(
            long id, boolean bot, String firstName, Optional<String> lastName, Optional<String> languageCode) {
        public Sender {
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(languageCode, "languageCode");
        }
    }
}
