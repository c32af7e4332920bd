package org.supportdesk.domain.port;

/** The transactional outbox (§13): notifications owed by a change, stored with it and delivered after it commits. */
public interface Outbox {
    /** Stores the intent in the surrounding transaction; a rolled-back change leaves none behind. */
    void enqueue(NotificationIntent intent);
}
