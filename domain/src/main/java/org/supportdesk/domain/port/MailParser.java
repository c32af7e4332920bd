package org.supportdesk.domain.port;

import org.supportdesk.domain.mail.InboundMail;

/** Reads a raw RFC 5322 message (MIME, encoded words, HTML-only bodies) into what the core judges. */
public interface MailParser {
    /**
     * The mail in {@code raw}.
     *
     * @throws org.supportdesk.domain.problem.ValidationFailed naming {@code message} when it is not a readable mail
     */
    InboundMail parse(byte[] raw);
}
