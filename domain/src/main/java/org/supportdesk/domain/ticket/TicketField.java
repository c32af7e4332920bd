package org.supportdesk.domain.ticket;

import java.util.Locale;

/** The plain fields staff can change on a ticket, each journalled as {@code ticket_updated}. */
public enum TicketField {
    SUBJECT,
    PRIORITY,
    CATEGORY,
    TAGS,
    CUSTOM_FIELDS,
    RELATED_ARTICLE;

    /**
     * Whether the requester sees this field (§8): subject, priority and category, not tags or custom fields; the related
     * article only while it is published, so its changes say themselves whether the requester sees them.
     */
    public boolean customerVisible() {
        return switch (this) {
            case SUBJECT, PRIORITY, CATEGORY, RELATED_ARTICLE -> true;
            case TAGS, CUSTOM_FIELDS -> false;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
