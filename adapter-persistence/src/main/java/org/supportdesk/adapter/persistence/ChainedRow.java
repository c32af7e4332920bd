package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A stored journal entry with its place in the tenant's hash chain, as {@link JournalChain.Walk} checks it, and the
 * erasure entry that redacted it (null while it is not redacted).
 */
public record ChainedRow(JournalRow row, long seq, byte[] contentDigest, byte[] chainHash, UUID redactedBy) {
    public static final class Mapper implements RowMapper<ChainedRow> {
        private final JournalRow.Mapper entries = new JournalRow.Mapper();

        @Override
        public ChainedRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ChainedRow(
                    entries.map(rs, ctx),
                    rs.getLong("seq"),
                    rs.getBytes("content_digest"),
                    rs.getBytes("chain_hash"),
                    rs.getObject("redacted_by", UUID.class));
        }
    }
}
