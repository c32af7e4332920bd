package org.supportdesk.domain.journal;

import java.util.Locale;
import java.util.Optional;

/** The journal's vocabulary (§17): every change to a ticket and every staff or admin action has one name. */
public enum JournalAction {
    TICKET_FILED,
    STATUS_CHANGED,
    TICKET_ASSIGNED,
    TICKET_UPDATED,
    MESSAGE_POSTED,
    TICKET_ESCALATED,
    TICKET_DEESCALATED,
    TICKET_DELETED,
    TICKET_RESTORED,
    TICKET_SPLIT,
    TICKET_MERGED,
    TICKET_UNMERGED,
    TICKET_ERASED,
    SLA_BREACHED,
    TENANT_CREATED,
    PERSON_CREATED,
    PERSON_UPDATED,
    PERSON_ERASED,
    ORGANIZATION_CREATED,
    ORGANIZATION_UPDATED,
    SETTINGS_CHANGED,
    POLICY_VERSIONED,
    CALENDAR_VERSIONED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    FEEDBACK_GIVEN,
    ARTICLE_CREATED,
    ARTICLE_UPDATED,
    ARTICLE_DELETED,
    CALL_REQUESTED,
    CALL_UPDATED,
    WEBHOOK_CREATED,
    WEBHOOK_UPDATED,
    WEBHOOK_DELETED,
    TELEGRAM_CONFIGURED,
    TELEGRAM_REMOVED,
    EMAIL_CHANNEL_CONFIGURED,
    EMAIL_CHANNEL_REMOVED,
    INBOUND_SECRET_ROTATED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JournalAction> parse(String raw) {
        for (JournalAction a : values()) {
            if (a.wireName().equals(raw)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
