package org.supportdesk.adapter.persistence;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The appending of journal entries, apart from {@link JournalDao}'s reads: every journalled change attaches this DAO in
 * its transaction, and JDBI prepares every method of a DAO each time it is attached (docs/adr/0029).
 */
interface JournalAppendDao {
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
}
