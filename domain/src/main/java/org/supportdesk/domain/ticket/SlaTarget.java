package org.supportdesk.domain.ticket;

import java.util.Locale;

/** The two promises an SLA makes for every ticket (§7). */
public enum SlaTarget {
    FIRST_RESPONSE,
    RESOLUTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
