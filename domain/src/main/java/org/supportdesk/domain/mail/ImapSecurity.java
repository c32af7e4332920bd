package org.supportdesk.domain.mail;

import java.util.Locale;
import java.util.Optional;

/** How the connection to a tenant's IMAP server is protected. */
public enum ImapSecurity {
    NONE,
    STARTTLS,
    TLS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImapSecurity> parse(String raw) {
        for (ImapSecurity security : values()) {
            if (security.wireName().equals(raw)) {
                return Optional.of(security);
            }
        }
        return Optional.empty();
    }
}
