package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.AuditLogFilter;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The append-only journal in PostgreSQL, each entry's changes stored as a JSON array of {field, before, after}. A
 * trigger refuses every update, delete and truncate, whoever asks.
 */
public final class JdbiJournal implements Journal {
    private final TenantScope scope;

    JdbiJournal(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void append(JournalEntry entry) {
        dao(entry.tenant()).insert(JournalRow.from(entry));
    }

    @Override
    public List<JournalEntry> entriesAbout(TenantId tenant, UUID targetId) {
        return dao(tenant).entriesAbout(tenant.value(), targetId).stream()
                .map(JournalRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public Page<JournalEntry> staffEntries(TenantId tenant, AuditLogFilter filter, PageRequest page) {
        AuditLogSql sql = new AuditLogSql(tenant, filter, page);
        List<AuditLogRow> rows = dao(tenant).auditLog(sql.sql(), sql.bindings());
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        List<JournalEntry> entries = rows.stream()
                .flatMap(row -> row.entry().stream())
                .map(JournalRow::toDomain)
                .collect(Collectors.toList());
        return new Page<>(entries, page.page(), page.limit(), total);
    }

    private JournalDao dao(TenantId tenant) {
        return scope.dao(tenant, JournalDao.class);
    }
}
