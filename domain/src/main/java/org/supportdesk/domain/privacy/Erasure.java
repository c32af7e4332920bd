package org.supportdesk.domain.privacy;

import java.util.Objects;
import java.util.Set;
import org.supportdesk.domain.attachment.ContentDigest;

/**
 * What one erasure redacted, as counts the admin and the journal see (no personal data in them); the attachment
 * contents it let go of, whose bytes are removed from the file store once no other attachment has them; and the digest
 * of the journal entries it redacted ({@link JournalRedaction#REDACTED_ENTRIES_FIELD}), for its own entry.
 */
public record Erasure(
        int tickets,
        int messages,
        int attachments,
        int journalEntries,
        int changeEvents,
        int deliveries,
        int notifications,
        Set<ContentDigest> releasedContent,
        String redactedEntriesDigest) {
    public Erasure {
        releasedContent = Set.copyOf(Objects.requireNonNull(releasedContent, "releasedContent"));
        Objects.requireNonNull(redactedEntriesDigest, "redactedEntriesDigest");
    }
}
