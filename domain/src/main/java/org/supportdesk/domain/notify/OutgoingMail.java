package org.supportdesk.domain.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * One mail to one person (§13), as rendered when its delivery was made and sent unchanged on every attempt. Every
 * text here is data, never header syntax: a transport encodes it, so no value can add a header or a recipient.
 *
 * @param fromAddress our sender's address ({@code SUPPORTDESK_MAIL_FROM})
 * @param toAddress the recipient's address
 * @param toName the recipient's display name
 * @param replyTo where a reply goes: our address with the recipient's reply token; empty for a mail nobody replies to
 * @param messageId this mail's {@code Message-ID}, with its angle brackets; the same on every attempt
 * @param inReplyTo the thread's root id ({@code In-Reply-To} and {@code References}); empty for a mail about no ticket
 * @param textBody the {@code text/plain} alternative
 * @param htmlBody the {@code text/html} alternative
 */
public record OutgoingMail(
        String fromAddress,
        String toAddress,
        String toName,
        Optional<String> replyTo,
        String messageId,
        Optional<String> inReplyTo,
        String subject,
        String textBody,
        String htmlBody) {
    public OutgoingMail {
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(toAddress, "toAddress");
        Objects.requireNonNull(toName, "toName");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
    }
}
