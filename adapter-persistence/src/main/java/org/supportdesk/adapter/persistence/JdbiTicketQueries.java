package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The desk and portal ticket lists in PostgreSQL: filters, customer scope, full-text search, sorts and exact totals in
 * one statement (see {@link TicketListSql}). Like the other stores it runs on the caller's tenant-bound transaction.
 */
public final class JdbiTicketQueries implements TicketQueries {
    private final Jdbi jdbi;

    public JdbiTicketQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Page<TicketListItem> list(TenantId tenant, TicketFilter filter, TicketSort sort, PageRequest page) {
        if (filter.customer().filter(c -> !c.tenant().equals(tenant)).isPresent()) {
            return new Page<>(List.of(), page.page(), page.limit(), 0);
        }
        TicketListSql sql = TicketListSql.of(tenant, filter, sort, page);
        List<Row> rows = jdbi.withHandle(handle -> handle.createQuery(sql.sql())
                .bindMap(sql.bindings())
                .map(new RowMapping())
                .list());
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        List<TicketListItem> items =
                rows.stream().map(Row::item).flatMap(Optional::stream).collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), total);
    }

    /** A result row: the total, and a listed ticket unless the page is empty. */
    private record Row(long total, Optional<TicketListItem> item) {}

    private static final class RowMapping implements RowMapper<Row> {
        private RowMapper<TicketRow> tickets;

        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            long total = rs.getLong("total");
            if (rs.getObject("id") == null) {
                return new Row(total, Optional.empty());
            }
            if (tickets == null) {
                tickets = ConstructorMapper.of(TicketRow.class).specialize(rs, ctx);
            }
            TicketRow row = tickets.map(rs, ctx);
            Optional<OffsetDateTime> lastVisibleAt =
                    Optional.ofNullable(rs.getObject("last_visible_at", OffsetDateTime.class));
            return new Row(
                    total,
                    Optional.of(new TicketListItem(
                            row.toDomain(),
                            rs.getString("requester_name"),
                            rs.getInt("visible_messages"),
                            lastVisibleAt.map(OffsetDateTime::toInstant))));
        }
    }
}
