package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * A {@code journal} row with its changes as three parallel arrays (field, before, after), the shape in which the
 * database builds and takes apart the {@code changes} JSON.
 */
public record JournalRow(
        UUID tenantId,
        UUID id,
        UUID actorId,
        String actorName,
        String actorRole,
        String action,
        String targetKind,
        UUID targetId,
        String[] fields,
        String[] befores,
        String[] afters,
        String correlationId,
        Instant at) {

    /**
     * Reads the row by column name, as a constructor mapper would have, without matching the columns again for every
     * statement.
     */
    public static final class Mapper implements RowMapper<JournalRow> {
        @Override
        public JournalRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new JournalRow(
                    rs.getObject("tenant_id", UUID.class),
                    rs.getObject("id", UUID.class),
                    rs.getObject("actor_id", UUID.class),
                    rs.getString("actor_name"),
                    rs.getString("actor_role"),
                    rs.getString("action"),
                    rs.getString("target_kind"),
                    rs.getObject("target_id", UUID.class),
                    Columns.texts(rs, "fields"),
                    Columns.texts(rs, "befores"),
                    Columns.texts(rs, "afters"),
                    rs.getString("correlation_id"),
                    Columns.instant(rs, "at"));
        }
    }

    static JournalRow from(JournalEntry e) {
        List<FieldChange> changes = e.changes();
        return new JournalRow(
                e.tenant().value(),
                e.id(),
                e.actor().id().map(UserId::value).orElse(null),
                e.actor().name(),
                e.actor().role().map(Role::wireName).orElse(null),
                e.action().wireName(),
                e.targetKind().name().toLowerCase(Locale.ROOT),
                e.targetId(),
                changes.stream().map(FieldChange::field).toArray(String[]::new),
                changes.stream().map(c -> c.before().orElse(null)).toArray(String[]::new),
                changes.stream().map(c -> c.after().orElse(null)).toArray(String[]::new),
                e.correlationId(),
                JournalChain.storable(e.at()));
    }

    JournalEntry toDomain() {
        List<FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            changes.add(new FieldChange(fields[i], Optional.ofNullable(befores[i]), Optional.ofNullable(afters[i])));
        }
        return new JournalEntry(
                id,
                new TenantId(tenantId),
                Rows.author(actorId, actorName, actorRole),
                JournalAction.parse(action).orElseThrow(),
                TargetKind.valueOf(targetKind.toUpperCase(Locale.ROOT)),
                targetId,
                changes,
                correlationId,
                at);
    }
}
