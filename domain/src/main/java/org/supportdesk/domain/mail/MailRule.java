package org.supportdesk.domain.mail;

import java.util.Locale;

/**
 * Which rule placed a received mail (§16 "Email threading that explains itself"), tried in this order: the signed
 * reply token, our {@code Message-ID} in {@code In-Reply-To}/{@code References}, the ticket number in the subject, else
 * a new ticket.
 */
public enum MailRule {
    REPLY_TOKEN,
    IN_REPLY_TO,
    SUBJECT_NUMBER,
    NEW_TICKET;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MailRule parse(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
