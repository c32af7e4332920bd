package org.supportdesk.application.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.sla.SettingBounds;
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
    private final AdminWork work;

    public ChangeSlaPolicy(SlaSettings settings, AdminWork work) {
        this.settings = settings;
        this.work = work;
    }

    public SlaPolicy handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "change the SLA policy", () -> {
            SettingBounds.check(command.targets());
            SlaPolicy current = settings.currentPolicy(admin.tenant());
            SlaPolicy next = new SlaPolicy(current.version() + 1, command.targets());
            settings.addPolicy(admin.tenant(), next);
            List<FieldChange> changes = new ArrayList<>();
            changes.add(FieldChange.of("version", current.version(), next.version()));
            for (Priority priority : Priority.values()) {
                changes.add(FieldChange.of(
                        priority.wireName(), describe(current.targets(priority)), describe(next.targets(priority))));
            }
            work.record(
                    admin,
                    JournalAction.POLICY_VERSIONED,
                    TargetKind.TENANT,
                    admin.tenant().value(),
                    changes);
            return next;
        });
    }

    private static String describe(Targets targets) {
        return targets.firstResponseMinutes() + "/" + targets.resolutionMinutes();
    }
}
