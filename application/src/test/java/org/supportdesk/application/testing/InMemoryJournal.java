package org.supportdesk.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.tenant.TenantId;

/** The journal as an append-only list. */
public final class InMemoryJournal implements Journal, Snapshotting {
    private final TenantBinding binding;
    private List<JournalEntry> entries = new ArrayList<>();

    public InMemoryJournal(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized void append(JournalEntry entry) {
        binding.require(entry.tenant());
        entries.add(entry);
    }

    @Override
    public synchronized List<JournalEntry> entriesAbout(TenantId tenant, UUID targetId) {
        binding.require(tenant);
        return entries.stream()
                .filter(e -> e.tenant().equals(tenant) && e.targetId().equals(targetId))
                .collect(Collectors.toList());
    }

    /** Every entry of every tenant, in append order. */
    public synchronized List<JournalEntry> all() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized Object snapshot() {
        return new ArrayList<>(entries);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        entries = (List<JournalEntry>) snapshot;
    }
}
