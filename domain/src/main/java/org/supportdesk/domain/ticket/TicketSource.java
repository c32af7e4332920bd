package org.supportdesk.domain.ticket;

import java.util.Locale;
import org.supportdesk.domain.problem.ValidationFailed;

/** Where a ticket came from. */
public enum TicketSource {
    PORTAL,
    EMAIL,
    API,
    PHONE,
    TELEGRAM,
    CHAT,
    WEB;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketSource parse(String raw) {
        for (TicketSource s : values()) {
            if (s.wireName().equals(raw)) {
                return s;
            }
        }
        throw ValidationFailed.of("source", "must be one of portal, email, api, phone, telegram, chat, web");
    }
}
