package org.supportdesk.application.telegram;

import java.util.stream.Collectors;

/**
 * What Supportdesk makes of text people typed into Telegram: control characters other than tab and line breaks, and
 * unpaired surrogates, are dropped (the core refuses them, and refusing a customer's message would make Telegram send
 * it again and again); a one-line excerpt heads a ticket; a user's names make a person's name.
 */
final class TelegramText {
    private static final int NAME_LENGTH = 200;

    private TelegramText() {}

    /** {@code text} without the characters no message may hold. */
    static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The first line that is not blank, its white space collapsed, cut to {@code max} characters with an ellipsis. */
    static String firstLine(String text, int max) {
        String line = text.lines()
                .map(l -> l.strip().replaceAll("[\\s\\u0085\\u2028\\u2029]+", " "))
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
        return clip(line, max);
    }

    /** The user's first and last names on one line; a made-up one when they give none that is usable. */
    static String name(TelegramUpdate.Sender from, long chatId) {
        String full = plain(from.firstName()
                        + from.lastName().map(last -> " " + last).orElse(""))
                .codePoints()
                .mapToObj(c -> Character.isWhitespace(c) || c == 0x85 || c == 0x2028 || c == 0x2029
                        ? " "
                        : Character.toString(c))
                .collect(Collectors.joining())
                .replaceAll(" +", " ")
                .strip();
        return full.isEmpty() ? "Telegram user " + chatId : clip(full, NAME_LENGTH);
    }

    /** At most {@code max} characters, never splitting a surrogate pair; an ellipsis marks a cut. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).strip() + "…";
    }
}
