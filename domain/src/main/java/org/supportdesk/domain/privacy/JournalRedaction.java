package org.supportdesk.domain.privacy;

import java.util.Set;
import org.supportdesk.domain.journal.JournalAction;

/**
 * How erasure redacts a journal entry (§16, docs/adr/0026-erasure-in-place.md): every changed value becomes
 * {@link Pseudonym#ERASED} except those of the fields below, which hold no personal data and which the SLA timeline,
 * the stats and the history are made of; the erasure's own entry records a digest of the entries it redacted, so the
 * chain walk can tell a redaction from an edit.
 */
public final class JournalRedaction {
    /** The fields whose values erasure keeps: states, ids, times, numbers and names from a closed vocabulary. */
    public static final Set<String> KEPT_FIELDS = Set.of(
            "status",
            "priority",
            "category",
            "kind",
            "customer_visible",
            "is_resolution",
            "via",
            "assignee_id",
            "organization_id",
            "role",
            "active",
            "rating",
            "version",
            "ticket_id",
            "message_id",
            "messages",
            "split_to",
            "split_from",
            "merged_into",
            "merged_from",
            "scheduled_at",
            "related_article",
            "tags",
            "language");

    /** The field of an erasure's entry that holds the digest of the entries it redacted. */
    public static final String REDACTED_ENTRIES_FIELD = "redacted_entries_digest";

    private JournalRedaction() {}

    /** Whether entries of {@code action} record an erasure (and are never redacted themselves: they hold no data). */
    public static boolean recordsErasure(JournalAction action) {
        return action == JournalAction.PERSON_ERASED || action == JournalAction.TICKET_ERASED;
    }
}
