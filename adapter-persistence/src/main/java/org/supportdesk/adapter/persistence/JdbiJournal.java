package org.supportdesk.adapter.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * The append-only journal in PostgreSQL. Changes are stored as a JSON array of {field, before, after}, built and read
 * by the database from parallel text arrays, so no JSON library is needed here. A trigger refuses every update,
 * delete and truncate, whoever asks.
 */
public final class JdbiJournal implements Journal {
    private final Jdbi jdbi;

    public JdbiJournal(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void append(JournalEntry entry) {
        List<FieldChange> changes = entry.changes();
        jdbi.useHandle(handle -> handle.createUpdate(
                        """
                        INSERT INTO journal (tenant_id, id, actor_id, actor_name, actor_role, action, target_kind,
                            target_id, changes, correlation_id, at)
                        VALUES (:tenant, :id, :actorId, :actorName, :actorRole, :action, :targetKind, :targetId,
                            (SELECT coalesce(jsonb_agg(jsonb_build_object('field', f, 'before', b, 'after', a)
                                                       ORDER BY n), '[]'::jsonb)
                               FROM unnest(CAST(:fields AS text[]), CAST(:befores AS text[]), CAST(:afters AS text[]))
                                    WITH ORDINALITY AS c(f, b, a, n)),
                            :correlationId, :at)
                        """)
                .bind("tenant", entry.tenant().value())
                .bind("id", entry.id())
                .bind("actorId", entry.actor().id().map(UserId::value).orElse(null))
                .bind("actorName", entry.actor().name())
                .bind("actorRole", entry.actor().role().map(Role::wireName).orElse(null))
                .bind("action", entry.action().wireName())
                .bind("targetKind", entry.targetKind().name().toLowerCase(Locale.ROOT))
                .bind("targetId", entry.targetId())
                .bind("fields", changes.stream().map(FieldChange::field).toArray(String[]::new))
                .bind(
                        "befores",
                        changes.stream().map(c -> c.before().orElse(null)).toArray(String[]::new))
                .bind(
                        "afters",
                        changes.stream().map(c -> c.after().orElse(null)).toArray(String[]::new))
                .bind("correlationId", entry.correlationId())
                .bind("at", entry.at())
                .execute());
    }

    @Override
    public List<JournalEntry> entriesAbout(TenantId tenant, UUID targetId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        """
                        SELECT j.*,
                               ARRAY(SELECT e->>'field' FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n) ORDER BY n) AS fields,
                               ARRAY(SELECT e->>'before' FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n) ORDER BY n) AS befores,
                               ARRAY(SELECT e->>'after' FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n) ORDER BY n) AS afters
                          FROM journal j
                         WHERE j.tenant_id = :tenant AND j.target_id = :target
                         ORDER BY j.at, j.id
                        """)
                .bind("tenant", tenant.value())
                .bind("target", targetId)
                .map((rs, ctx) -> toEntry(rs))
                .list());
    }

    private static JournalEntry toEntry(ResultSet rs) throws SQLException {
        String[] fields = strings(rs.getArray("fields"));
        String[] befores = strings(rs.getArray("befores"));
        String[] afters = strings(rs.getArray("afters"));
        List<FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            changes.add(new FieldChange(fields[i], Optional.ofNullable(befores[i]), Optional.ofNullable(afters[i])));
        }
        Author actor = Rows.author(
                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"));
        return new JournalEntry(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                actor,
                JournalAction.parse(rs.getString("action")).orElseThrow(),
                TargetKind.valueOf(rs.getString("target_kind").toUpperCase(Locale.ROOT)),
                rs.getObject("target_id", UUID.class),
                changes,
                rs.getString("correlation_id"),
                rs.getObject("at", OffsetDateTime.class).toInstant());
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
