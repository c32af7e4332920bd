package org.supportdesk.domain.journal;

/** What kind of record a journal entry is about. */
public enum TargetKind {
    TICKET,
    PERSON,
    ORGANIZATION,
    TENANT,
    API_TOKEN,
    ARTICLE,
    CALL,
    WEBHOOK,
    EMAIL_CHANNEL
}
