package org.supportdesk.application.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.journal.ChainVerdict;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.AuditLogFilter;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
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

    /** A list in memory cannot be edited behind its back: every chain it holds verifies. */
    @Override
    public synchronized ChainVerdict verifyChain(TenantId tenant) {
        binding.require(tenant);
        long count = entries.stream().filter(e -> e.tenant().equals(tenant)).count();
        return new ChainVerdict(count, OptionalLong.empty(), "");
    }

    @Override
    public synchronized Page<JournalEntry> staffEntries(TenantId tenant, AuditLogFilter filter, PageRequest page) {
        binding.require(tenant);
        List<JournalEntry> matches = entries.stream()
                .filter(e -> e.tenant().equals(tenant) && e.actor().isStaff())
                .filter(e -> filter.actor()
                        .map(a -> e.actor().id().equals(Optional.of(a)))
                        .orElse(true))
                .filter(e -> filter.actions().isEmpty() || filter.actions().contains(e.action()))
                .filter(e -> filter.target().map(t -> e.targetId().equals(t)).orElse(true))
                .filter(e -> filter.from().map(from -> !e.at().isBefore(from)).orElse(true))
                .filter(e -> filter.to().map(to -> e.at().isBefore(to)).orElse(true))
                .sorted(Comparator.comparing(JournalEntry::at)
                        .thenComparing(JournalEntry::id)
                        .reversed())
                .collect(Collectors.toList());
        return new Page<>(
                matches.stream().skip(page.offset()).limit(page.limit()).collect(Collectors.toList()),
                page.page(),
                page.limit(),
                matches.size());
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
