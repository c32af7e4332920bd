package org.supportdesk.domain.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/**
 * One append-only record of a change or staff action: who did what to which record, before and after, under which
 * request (correlation id), when. Status history and the audit log are views of these.
 */
public record JournalEntry(
        UUID id,
        TenantId tenant,
        Author actor,
        JournalAction action,
        TargetKind targetKind,
        UUID targetId,
        List<FieldChange> changes,
        String correlationId,
        Instant at) {
    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetKind, "targetKind");
        Objects.requireNonNull(targetId, "targetId");
        changes = List.copyOf(changes);
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(at, "at");
    }
}
