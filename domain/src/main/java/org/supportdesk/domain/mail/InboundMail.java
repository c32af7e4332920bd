package org.supportdesk.domain.mail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One received mail as the core judges it (docs/notifications.md "Inbound email"): the addresses and headers that
 * decide whether it is ignored and where it threads, and its text and files. The adapter that parsed it did no judging.
 *
 * @param from the {@code From} addresses as written (addr-spec, not yet normalised); anything but one is suspect
 * @param fromName the display name of the single {@code From}, decoded; empty when none or several
 * @param sender the {@code Sender} address, when set
 * @param replyTo the {@code Reply-To} addresses; never who the mail is from
 * @param recipients every address it was delivered to: {@code To}, {@code Cc}, {@code Delivered-To}, {@code
 *     X-Original-To}, {@code Envelope-To}
 * @param returnPath the {@code Return-Path} as written; {@code <>} is a bounce's null return path
 * @param messageId the {@code Message-ID} as written
 * @param inReplyTo the {@code In-Reply-To} as written
 * @param references the {@code References} as written
 * @param loopSignals the headers that mark automatic or bulk mail, as written
 * @param text the body as plain text (an HTML-only body turned into text); may be blank
 */
public record InboundMail(
        List<String> from,
        Optional<String> fromName,
        Optional<String> sender,
        List<String> replyTo,
        List<String> recipients,
        Optional<String> returnPath,
        String subject,
        Optional<String> messageId,
        Optional<String> inReplyTo,
        Optional<String> references,
        LoopSignals loopSignals,
        String text,
        List<MailAttachment> attachments) {
    public InboundMail {
        from = List.copyOf(from);
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(sender, "sender");
        replyTo = List.copyOf(replyTo);
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(returnPath, "returnPath");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(loopSignals, "loopSignals");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
    }

    /**
     * The headers by which mail says it was sent by a machine or to a list (RFC 3834, RFC 2369, RFC 2919, and the
     * vendors' own), each as written.
     */
    public record LoopSignals(
            Optional<String> autoSubmitted,
            Optional<String> precedence,
            Optional<String> listId,
            Optional<String> listUnsubscribe,
            Optional<String> xAutoreply,
            Optional<String> xAutorespond) {
        public LoopSignals {
            Objects.requireNonNull(autoSubmitted, "autoSubmitted");
            Objects.requireNonNull(precedence, "precedence");
            Objects.requireNonNull(listId, "listId");
            Objects.requireNonNull(listUnsubscribe, "listUnsubscribe");
            Objects.requireNonNull(xAutoreply, "xAutoreply");
            Objects.requireNonNull(xAutorespond, "xAutorespond");
        }

        /** No signal at all: mail a person wrote. */
        public static final LoopSignals NONE = new LoopSignals(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
