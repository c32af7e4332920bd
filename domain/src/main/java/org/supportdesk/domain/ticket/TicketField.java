package org.supportdesk.domain.ticket;

import java.util.Locale;

/** The plain fields staff can change on a ticket, each journalled as {@code ticket_updated}. */
public enum TicketField {
    SUBJECT,
    PRIORITY,
    CATEGORY,
    TAGS,
    CUSTOM_FIELDS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
