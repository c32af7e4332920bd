package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of the append-only journal. The database builds the {@code changes} JSON array of {field, before, after} from
 * parallel text arrays and takes it apart into them again, so no JSON library is needed here.
 */
@RegisterRowMapper(JournalRow.Mapper.class)
interface JournalDao {
    @SqlUpdate(
            """
            INSERT INTO journal (tenant_id, id, actor_id, actor_name, actor_role, action, target_kind, target_id,
                changes, correlation_id, at)
            VALUES (:tenantId, :id, :actorId, :actorName, :actorRole, :action, :targetKind, :targetId,
                (SELECT coalesce(jsonb_agg(jsonb_build_object('field', f, 'before', b, 'after', a) ORDER BY n),
                                 '[]'::jsonb)
                   FROM unnest(CAST(:fields AS text[]), CAST(:befores AS text[]), CAST(:afters AS text[]))
                        WITH ORDINALITY AS c(f, b, a, n)),
                :correlationId, :at)
            """)
    void insert(@BindMethods JournalRow row);

    @SqlQuery(
            """
            SELECT j.tenant_id, j.id, j.actor_id, j.actor_name, j.actor_role, j.action, j.target_kind, j.target_id,
                   ARRAY(SELECT e->>'field' FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n) ORDER BY n) AS fields,
                   ARRAY(SELECT e->>'before' FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n) ORDER BY n) AS befores,
                   ARRAY(SELECT e->>'after' FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n) ORDER BY n) AS afters,
                   j.correlation_id, j.at
              FROM journal j
             WHERE j.tenant_id = :tenant AND j.target_id = :target
             ORDER BY j.at, j.id
            """)
    List<JournalRow> entriesAbout(UUID tenant, UUID target);

    /** One page of the audit log and its total; the statement is {@link AuditLogSql}'s. */
    @SqlQuery("<statement>")
    @UseRowMapper(AuditLogRow.Mapper.class)
    List<AuditLogRow> auditLog(@Define("statement") String statement, @BindMap Map<String, Object> bindings);
}
