package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The append-only journal in PostgreSQL, each entry's changes stored as a JSON array of {field, before, after}. A
 * trigger refuses every update, delete and truncate, whoever asks.
 */
public final class JdbiJournal implements Journal {
    private final JournalDao dao;

    public JdbiJournal(Jdbi jdbi) {
        this.dao = jdbi.onDemand(JournalDao.class);
    }

    @Override
    public void append(JournalEntry entry) {
        dao.insert(JournalRow.from(entry));
    }

    @Override
    public List<JournalEntry> entriesAbout(TenantId tenant, UUID targetId) {
        return dao.entriesAbout(tenant.value(), targetId).stream()
                .map(JournalRow::toDomain)
                .collect(Collectors.toList());
    }
}
