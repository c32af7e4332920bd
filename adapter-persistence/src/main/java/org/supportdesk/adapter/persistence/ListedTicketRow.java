package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.port.TicketListItem;

/**
 * A row of the ticket list statement ({@link TicketListSql}): the number of matches, and one listed ticket with its
 * requester's name and the count and latest time of its customer-visible messages, unless the page is empty (then
 * there is no ticket and no name), and where the ticket stands in the list's order, for the cursor of the next page
 * ({@link TicketListSql#next}).
 */
public record ListedTicketRow(
        long total,
        Optional<TicketRow> ticket,
        String requesterName,
        int visibleMessages,
        Optional<Instant> lastVisibleAt,
        Optional<String> cursorKey,
        Optional<Integer> cursorRank) {

    /** The listed ticket; empty for the one row of an empty page, which only carries the total. */
    Optional<TicketListItem> toDomain() {
        return ticket.map(row -> new TicketListItem(row.toDomain(), requesterName, visibleMessages, lastVisibleAt));
    }

    /**
     * Maps by hand because an empty page still answers one row, with the total and no ticket.
     */
    public static final class Mapper implements RowMapper<ListedTicketRow> {
        @Override
        public ListedTicketRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            long total = rs.getLong("total");
            if (rs.getObject("id") == null) {
                return new ListedTicketRow(
                        total, Optional.empty(), null, 0, Optional.empty(), Optional.empty(), Optional.empty());
            }
            return new ListedTicketRow(
                    total,
                    Optional.of(TicketRow.read(rs)),
                    rs.getString("requester_name"),
                    rs.getInt("visible_messages"),
                    Optional.ofNullable(Columns.instant(rs, "last_visible_at")),
                    Optional.ofNullable(rs.getString("cursor_key")),
                    Optional.ofNullable((Integer) rs.getObject("cursor_rank")));
        }
    }
}
