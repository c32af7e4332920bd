package org.supportdesk.adapter.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.AuditLogFilter;
import org.supportdesk.domain.port.ListCursor;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The one statement of an audit-log request: one page of the staff entries that match, newest first, and their exact
 * number. Like {@link TicketListSql} its text is assembled only from the fixed fragments below, one per filter
 * present, so that each request is planned for the filters it has (journal_audit_log serves the unfiltered log,
 * journal_by_actor, journal_by_action and journal_by_target the filtered ones); every value is a bound parameter.
 */
final class AuditLogSql {
    /** The partial index journal_audit_log has exactly this predicate, so the planner can use it. */
    private static final String STAFF = "j.actor_role IN ('agent', 'admin')";

    /** The order a cursor of the audit log names: newest first, always. */
    static final String ORDER = "-at";

    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> bindings = new LinkedHashMap<>();
    /** Where a page after a cursor starts: only the page is narrowed by it, never the total. */
    private String keyset = "";

    AuditLogSql(TenantId tenant, AuditLogFilter filter, PageRequest page) {
        bindings.put("tenant", tenant.value());
        bindings.put("limit", page.limit());
        bindings.put("offset", page.rowsToSkip());
        page.after().ifPresent(this::startAfter);
        where.add("j.tenant_id = :tenant");
        where.add(STAFF);
        filter.actor().ifPresent(actor -> {
            where.add("j.actor_id = :actor");
            bindings.put("actor", actor.value());
        });
        if (!filter.actions().isEmpty()) {
            where.add("j.action = ANY (CAST(:actions AS text[]))");
            bindings.put(
                    "actions",
                    filter.actions().stream()
                            .map(JournalAction::wireName)
                            .sorted()
                            .toArray(String[]::new));
        }
        filter.target().ifPresent(target -> {
            where.add("j.target_id = :target");
            bindings.put("target", target);
        });
        filter.from().ifPresent(from -> {
            where.add("j.at >= :from");
            bindings.put("from", from);
        });
        filter.to().ifPresent(to -> {
            where.add("j.at < :to");
            bindings.put("to", to);
        });
    }

    /** Narrows the page to the entries older than the cursor's, a range of the journal's time index however deep. */
    private void startAfter(ListCursor cursor) {
        cursor.requireOrder(ORDER);
        if (cursor.values().size() != 1) {
            throw ListCursor.notOneOurs();
        }
        bindings.put("afterAt", cursor.number(0));
        bindings.put("afterId", cursor.lastId());
        keyset = "\n   AND (j.at, j.id) < (" + Columns.instantOfMicros("afterAt") + ", :afterId)";
    }

    /** The cursor of the page after {@code page}, from its last entry, while older matches remain. */
    static Optional<ListCursor> next(PageRequest page, long total, List<JournalRow> entries) {
        if (!page.hasPageAfter(total) || entries.isEmpty()) {
            return Optional.empty();
        }
        JournalRow last = entries.get(entries.size() - 1);
        return Optional.of(
                new ListCursor(page.page() + 1, ORDER, List.of(Long.toString(Columns.micros(last.at()))), last.id()));
    }

    Map<String, Object> bindings() {
        return Collections.unmodifiableMap(bindings);
    }

    /** The page's ids first (an index-only walk where the filters allow), then only those entries read whole. */
    String sql() {
        String conditions = String.join("\n   AND ", where);
        return "WITH page AS (\n"
                + "SELECT j.id, j.at\n"
                + "  FROM journal j\n"
                + " WHERE " + conditions + keyset + "\n"
                + " ORDER BY j.at DESC, j.id DESC\n"
                + " LIMIT :limit OFFSET :offset\n"
                + "),\n"
                + "total AS (\n"
                + "SELECT count(*) AS total\n"
                + "  FROM journal j\n"
                + " WHERE " + conditions + "\n"
                + ")\n"
                + """
                SELECT total.total, """
                + JournalDao.ENTRY_COLUMNS
                + """
                  FROM total
                  LEFT JOIN (page p JOIN journal j ON j.tenant_id = :tenant AND j.id = p.id) ON true
                 ORDER BY p.at DESC, p.id DESC
                """;
    }
}
