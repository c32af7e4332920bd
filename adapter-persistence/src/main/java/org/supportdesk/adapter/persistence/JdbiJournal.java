package org.supportdesk.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.result.ResultIterator;
import org.supportdesk.domain.journal.ChainVerdict;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.AuditLogFilter;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The append-only journal in PostgreSQL, each entry's changes stored as a JSON array of {field, before, after} and
 * each entry hash-chained to its tenant's previous one ({@link JournalChain}). A trigger refuses every update, delete
 * and truncate, whoever asks; the chain shows what someone who turned the trigger off changed.
 */
public final class JdbiJournal implements Journal {
    private final TenantScope scope;

    JdbiJournal(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void append(JournalEntry entry) {
        JournalRow row = JournalRow.from(entry);
        byte[] contentDigest = JournalChain.contentDigest(row);
        appends(entry.tenant()).insert(row, contentDigest, JournalChain.link(row, contentDigest));
    }

    /** One JDBC batch for the entries of a change ({@link JournalAppendDao#insertAll}). */
    @Override
    public void appendAll(List<JournalEntry> entries) {
        if (entries.size() < 2) {
            Journal.super.appendAll(entries);
            return;
        }
        TenantId tenant = TenantScope.tenantOfAll(entries, JournalEntry::tenant);
        List<JournalRow> rows = entries.stream().map(JournalRow::from).toList();
        List<byte[]> digests = rows.stream().map(JournalChain::contentDigest).toList();
        List<byte[]> links = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            links.add(JournalChain.link(rows.get(i), digests.get(i)));
        }
        appends(tenant).insertAll(rows, digests, links);
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
        List<JournalRow> entries =
                rows.stream().flatMap(row -> row.entry().stream()).collect(Collectors.toList());
        return new Page<>(
                entries.stream().map(JournalRow::toDomain).collect(Collectors.toList()),
                page.page(),
                page.limit(),
                total,
                AuditLogSql.next(page, total, entries));
    }

    @Override
    public ChainVerdict verifyChain(TenantId tenant) {
        JournalDao dao = dao(tenant);
        JournalChain.Walk walk = new JournalChain.Walk();
        try (ResultIterator<ChainedRow> stored = dao.chain(tenant.value())) {
            stored.forEachRemaining(walk::accept);
        }
        return dao.head(tenant.value())
                .map(head -> walk.verdict(head.seq(), head.head()))
                .orElseGet(() -> walk.verdict(0, null));
    }

    private JournalDao dao(TenantId tenant) {
        return scope.dao(tenant, JournalDao.class);
    }

    private JournalAppendDao appends(TenantId tenant) {
        return scope.dao(tenant, JournalAppendDao.class);
    }
}
