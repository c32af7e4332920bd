package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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
                e.at());
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
