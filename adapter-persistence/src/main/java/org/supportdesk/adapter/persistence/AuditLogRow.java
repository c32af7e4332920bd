package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of the audit-log statement ({@link AuditLogSql}): the number of matches and one entry of the page, unless the
 * page is empty (then the one row carries only the total).
 */
public record AuditLogRow(long total, Optional<JournalRow> entry) {

    /** Maps by hand: an empty page still answers one row, with the total and no entry. */
    public static final class Mapper implements RowMapper<AuditLogRow> {
        private static final RowMapper<JournalRow> ENTRIES = new JournalRow.Mapper();

        @Override
        public AuditLogRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new AuditLogRow(
                    rs.getLong("total"),
                    rs.getObject("id") == null ? Optional.empty() : Optional.of(ENTRIES.map(rs, ctx)));
        }
    }
}
