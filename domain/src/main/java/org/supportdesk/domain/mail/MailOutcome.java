package org.supportdesk.domain.mail;

import java.util.Locale;

/** What became of a received mail. */
public enum MailOutcome {
    TICKET_CREATED,
    MESSAGE_ADDED,
    IGNORED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MailOutcome parse(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
