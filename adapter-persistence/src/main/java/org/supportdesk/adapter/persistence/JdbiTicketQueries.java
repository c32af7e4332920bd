package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.StatsWindow;
import org.supportdesk.domain.port.TicketExportRow;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TicketStats;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The desk and portal ticket lists in PostgreSQL: filters, customer scope, full-text search, sorts and exact totals in
 * one statement (see {@link TicketListSql}). Like the other stores it runs on the caller's tenant-bound transaction.
 */
public final class JdbiTicketQueries implements TicketQueries {
    private final TenantScope scope;

    JdbiTicketQueries(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Page<TicketListItem> list(TenantId tenant, TicketFilter filter, TicketSort sort, PageRequest page) {
        TicketListDao dao = dao(tenant);
        if (filter.customer().filter(c -> !c.tenant().equals(tenant)).isPresent()) {
            return new Page<>(List.of(), page.page(), page.limit(), 0);
        }
        TicketListSql sql = TicketListSql.of(tenant, filter, sort, page);
        List<ListedTicketRow> rows = dao.list(sql.sql(), sql.bindings());
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        List<TicketListItem> items = rows.stream()
                .map(ListedTicketRow::toDomain)
                .flatMap(Optional::stream)
                .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), total, sql.next(page, total, rows));
    }

    @Override
    public TicketStats stats(TenantId tenant, TicketFilter filter, StatsWindow window) {
        TicketListDao dao = dao(tenant);
        requireStaff(filter);
        Optional<TicketFilter> narrowed = window.narrow(filter);
        if (narrowed.isEmpty()) {
            return TicketStats.none(window);
        }
        TicketListSql sql = TicketListSql.unpaged(tenant, narrowed.get(), TicketSort.NEWEST_FIRST);
        return dao.stats(sql.statsSql(), sql.bindings()).toDomain(window);
    }

    @Override
    public void export(TenantId tenant, TicketFilter filter, TicketSort sort, Consumer<TicketExportRow> rows) {
        TicketListDao dao = dao(tenant);
        requireStaff(filter);
        TicketListSql sql = TicketListSql.unpaged(tenant, filter, sort);
        // forEach reads row by row from the cursor and closes it at the end, or when rows throws.
        dao.export(sql.exportSql(), sql.bindings()).forEach(row -> rows.accept(row.toDomain()));
    }

    private static void requireStaff(TicketFilter filter) {
        if (filter.customer().isPresent()) {
            throw new IllegalArgumentException("stats and exports are staff's, never narrowed to a customer");
        }
    }

    private TicketListDao dao(TenantId tenant) {
        return scope.dao(tenant, TicketListDao.class);
    }
}
