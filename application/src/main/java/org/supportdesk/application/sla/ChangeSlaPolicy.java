package org.supportdesk.application.sla;

import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.CorrelationIds;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.sla.Targets;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Priority;

/**
 * An admin sets new SLA targets: a new policy version for tickets filed from now on; tickets already filed keep the
 * version they were filed under (§7).
 */
public final class ChangeSlaPolicy {
    /** Targets for every priority. */
    public record Command(StaffActor actor, Map<Priority, Targets> targets) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            targets = Map.copyOf(targets);
        }
    }

    private final SlaSettings settings;
    private final Journal journal;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final CorrelationIds correlation;
    private final InstantSource clock;

    public ChangeSlaPolicy(
            SlaSettings settings,
            Journal journal,
            TransactionRunner transactions,
            IdGenerator ids,
            CorrelationIds correlation,
            InstantSource clock) {
        this.settings = settings;
        this.journal = journal;
        this.transactions = transactions;
        this.ids = ids;
        this.correlation = correlation;
        this.clock = clock;
    }

    public SlaPolicy handle(Command command) {
        StaffActor admin = command.actor();
        if (!admin.isAdmin()) {
            throw new Forbidden("only admins change the SLA policy");
        }
        return transactions.inTransaction(admin.tenant(), () -> {
            SlaPolicy current = settings.currentPolicy(admin.tenant());
            SlaPolicy next = new SlaPolicy(current.version() + 1, command.targets());
            settings.addPolicy(admin.tenant(), next);
            List<FieldChange> changes = new ArrayList<>();
            changes.add(FieldChange.of("version", current.version(), next.version()));
            for (Priority priority : Priority.values()) {
                changes.add(FieldChange.of(
                        priority.wireName(), describe(current.targets(priority)), describe(next.targets(priority))));
            }
            journal.append(new JournalEntry(
                    ids.newId(),
                    admin.tenant(),
                    admin.asAuthor(),
                    JournalAction.POLICY_VERSIONED,
                    TargetKind.TENANT,
                    admin.tenant().value(),
                    changes,
                    correlation.current(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
            return next;
        });
    }

    private static String describe(Targets targets) {
        return targets.firstResponseMinutes() + "/" + targets.resolutionMinutes();
    }
}
