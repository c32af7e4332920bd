package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.UserId;

/**
 * The filters of the audit log (§10 /audit-log); an empty set or absent value does not filter. {@code actions} are
 * any of the §17 vocabulary, {@code target} the id of the record an entry is about, {@code from} inclusive and
 * {@code to} exclusive on the entry's time.
 */
public record AuditLogFilter(
        Optional<UserId> actor,
        Set<JournalAction> actions,
        Optional<UUID> target,
        Optional<Instant> from,
        Optional<Instant> to) {
    public static final AuditLogFilter ALL =
            new AuditLogFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());

    public AuditLogFilter {
        Objects.requireNonNull(actor, "actor");
        actions = Set.copyOf(actions);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ValidationFailed.of("to", "must be after from");
        }
    }

    public AuditLogFilter withTarget(UUID id) {
        return new AuditLogFilter(actor, actions, Optional.of(id), from, to);
    }
}
