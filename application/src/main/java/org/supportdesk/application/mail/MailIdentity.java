package org.supportdesk.application.mail;

import java.util.Objects;

/**
 * Who our mail comes from and how it threads (docs/notifications.md "Threading"): the sender address
 * ({@code SUPPORTDESK_MAIL_FROM}), the {@code Message-ID}s under its domain, and the reply tokens (keyed by the server's
 * secrets key) that bind a reply to its ticket and recipient.
 */
public record MailIdentity(String from, MessageIds messageIds, ReplyTokens replyTokens) {
    public MailIdentity {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(messageIds, "messageIds");
        Objects.requireNonNull(replyTokens, "replyTokens");
    }

    /** Mail from {@code from}, its ids under that address's domain. */
    public static MailIdentity of(String from, ReplyTokens replyTokens) {
        int at = from.lastIndexOf('@');
        if (at < 1 || at == from.length() - 1) {
            throw new IllegalArgumentException("not a mail address: " + from);
        }
        return new MailIdentity(from, new MessageIds(from.substring(at + 1)), replyTokens);
    }
}
