package org.supportdesk.domain.ticket;

import java.util.Locale;

/** The channel a message arrived through; {@code SYSTEM} for generated messages. */
public enum Via {
    PORTAL,
    EMAIL,
    TELEGRAM,
    API,
    SYSTEM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
