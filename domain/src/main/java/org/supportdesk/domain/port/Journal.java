package org.supportdesk.domain.port;

import java.util.List;
import java.util.UUID;
import org.supportdesk.domain.journal.ChainVerdict;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The append-only record of every change and staff action (§16). Entries are written in the transaction of the change
 * they record, are never updated or deleted, and are hash-chained per tenant so that an edit made behind the
 * application's back shows.
 */
public interface Journal {
    /** Appends one entry; it commits or rolls back with the surrounding transaction. */
    void append(JournalEntry entry);

    /**
     * Appends {@code entries} in their order, as {@link #append} one after another would; for a store that can send
     * them in one round trip (a change with several events).
     */
    default void appendAll(List<JournalEntry> entries) {
        entries.forEach(this::append);
    }

    /** The entries about one record of {@code tenant} (a ticket, a person …), oldest first, ties by id. */
    List<JournalEntry> entriesAbout(TenantId tenant, UUID targetId);

    /**
     * One page of the audit log of {@code tenant} (§10): the entries whose actor is staff (an agent or admin, API
     * tokens included) and that match {@code filter}, newest first, ties by id descending, with the exact number of
     * matches. Customers' and the system's own entries are not in it.
     */
    Page<JournalEntry> staffEntries(TenantId tenant, AuditLogFilter filter, PageRequest page);

    /**
     * Walks the hash chain of {@code tenant}'s entries (§16) and says whether every entry is still there, unaltered and
     * in its place, and if not where the first break is.
     */
    ChainVerdict verifyChain(TenantId tenant);
}
