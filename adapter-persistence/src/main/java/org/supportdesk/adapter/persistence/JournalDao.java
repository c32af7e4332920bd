package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of reading the append-only journal (its appending: {@link JournalAppendDao}). The database builds the {@code changes} JSON array of {field, before, after} from
 * parallel text arrays and takes it apart into them again, so no JSON library is needed here.
 */
@RegisterRowMapper(JournalRow.Mapper.class)
interface JournalDao {
    /**
     * A stored entry's columns, its changes taken apart into the parallel arrays {@link JournalRow} reads, in a
     * statement whose journal is {@code j}.
     */
    String ENTRY_COLUMNS =
            """
            j.tenant_id, j.id, j.actor_id, j.actor_name, j.actor_role, j.action, j.target_kind, j.target_id,
            ARRAY(SELECT e->>'field' FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n) ORDER BY n) AS fields,
            ARRAY(SELECT e->>'before' FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n) ORDER BY n) AS befores,
            ARRAY(SELECT e->>'after' FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n) ORDER BY n) AS afters,
            j.correlation_id, j.at
            """;

    @SqlQuery(
            "SELECT " + ENTRY_COLUMNS
                    + """
              FROM journal j
             WHERE j.tenant_id = :tenant AND j.target_id = :target
             ORDER BY j.at, j.id
            """)
    List<JournalRow> entriesAbout(UUID tenant, UUID target);

    /** One page of the audit log and its total; the statement is {@link AuditLogSql}'s. */
    @SqlQuery("<statement>")
    @UseRowMapper(AuditLogRow.Mapper.class)
    List<AuditLogRow> auditLog(@Define("statement") String statement, @BindMap Map<String, Object> bindings);

    /** The tenant's entries with their chain columns, oldest first, read a thousand at a time. */
    @SqlQuery(
            "SELECT " + ENTRY_COLUMNS
                    + """
            , j.seq, j.content_digest, j.chain_hash, j.redacted_by
              FROM journal j
             WHERE j.tenant_id = :tenant
             ORDER BY j.seq
            """)
    @FetchSize(1000)
    @UseRowMapper(ChainedRow.Mapper.class)
    ResultIterator<ChainedRow> chain(UUID tenant);

    /** The tenant's chain head; none before its first entry. */
    @SqlQuery("SELECT seq, head FROM journal_chain WHERE tenant_id = :tenant")
    @UseRowMapper(ChainHead.Mapper.class)
    Optional<ChainHead> head(UUID tenant);

    /** The newest position of a tenant's chain and its hash. */
    record ChainHead(long seq, byte[] head) {
        public static final class Mapper implements RowMapper<ChainHead> {
            @Override
            public ChainHead map(ResultSet rs, StatementContext ctx) throws SQLException {
                return new ChainHead(rs.getLong("seq"), rs.getBytes("head"));
            }
        }
    }
}
