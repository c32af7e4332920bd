package org.supportdesk.application.telegram;

import java.net.URI;
import java.util.Optional;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * What the bot writes to a customer, in seed 002's words: Russian for a Telegram user whose language is Russian,
 * English for everyone else (§11's default). Plain text (no {@code parse_mode}), so nothing in a reply can turn into
 * markup, within Telegram's 4,096 characters.
 */
final class TelegramMessages {
    /** Telegram's limit for one message's text. */
    static final int MAX_LENGTH = 4096;

    private TelegramMessages() {}

    /** A staff member's public reply on {@code number}, with the way back and the ticket's page in the portal. */
    static String staffReply(Optional<String> languageCode, TicketNumber number, Body reply, URI portalPage) {
        boolean russian = languageCode.filter(code -> code.startsWith("ru")).isPresent();
        String head = (russian ? "📨 Новое сообщение по тикету " : "📨 New message on ticket ") + number + "\n\n";
        String tail = russian
                ? "\n\nВы можете ответить, отправив сообщение в этот чат.\nТикет в портале: " + portalPage
                : "\n\nYou can answer by sending a message to this chat.\nThe ticket in the portal: " + portalPage;
        return head + TelegramText.clip(reply.value(), MAX_LENGTH - head.length() - tail.length()) + tail;
    }
}
