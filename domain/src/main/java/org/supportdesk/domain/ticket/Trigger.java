package org.supportdesk.domain.ticket;

import java.util.Locale;

/** What causes a transition: the columns of the §4 table's cells. */
public enum Trigger {
    STAFF("staff"),
    CUSTOMER_REPLY("customer reply"),
    CUSTOMER_CLOSE("customer close"),
    AUTO_CLOSE("auto-close");

    private final String label;

    Trigger(String label) {
        this.label = label;
    }

    /** How the spec's table names the trigger. */
    public String label() {
        return label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
