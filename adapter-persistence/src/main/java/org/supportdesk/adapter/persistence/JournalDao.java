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
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of the append-only journal. The database builds the {@code changes} JSON array of {field, before, after} from
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

    /**
     * Appends the entry at the next position of its tenant's hash chain ({@link JournalChain}): the head row advances
     * and hashes {@code link} onto the previous head in the same statement, and stays locked until the transaction
     * ends, so a tenant's entries are chained in the order they commit.
     */
    @SqlUpdate(INSERT)
    void insert(@BindMethods JournalRow row, byte[] contentDigest, byte[] link);

    /**
     * {@link #insert} of several entries in one JDBC batch (one round trip): PostgreSQL runs the statements in their
     * order, each advancing the chain head the one before left.
     */
    @SqlBatch(INSERT)
    void insertAll(@BindMethods List<JournalRow> rows, List<byte[]> contentDigest, List<byte[]> link);

    String INSERT =
            """
            WITH head AS (
                INSERT INTO journal_chain AS c (tenant_id, seq, head)
                VALUES (:tenantId, 1, sha256(decode(repeat('00', 32), 'hex') || CAST(:link AS bytea)))
                ON CONFLICT (tenant_id) DO UPDATE SET seq = c.seq + 1, head = sha256(c.head || CAST(:link AS bytea))
                RETURNING seq, head)
            INSERT INTO journal (tenant_id, id, actor_id, actor_name, actor_role, action, target_kind, target_id,
                changes, correlation_id, at, seq, content_digest, chain_hash)
            SELECT :tenantId, :id, :actorId, :actorName, :actorRole, :action, :targetKind, :targetId,
                (SELECT coalesce(jsonb_agg(jsonb_build_object('field', f, 'before', b, 'after', a) ORDER BY n),
                                 '[]'::jsonb)
                   FROM unnest(CAST(:fields AS text[]), CAST(:befores AS text[]), CAST(:afters AS text[]))
                        WITH ORDINALITY AS c(f, b, a, n)),
                :correlationId, :at, head.seq, CAST(:contentDigest AS bytea), head.head
              FROM head
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
