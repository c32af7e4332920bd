package org.supportdesk.application.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSettings;

/** An admin sets the reopen window and the auto-close delay (§17 "Settings"), each 1 to 365 days. */
public final class ChangeSettings {
    public static final int MAX_DAYS = 365;

    public record Command(StaffActor actor, int reopenWindowDays, int autoCloseDays) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            List<FieldError> errors = new ArrayList<>();
            if (reopenWindowDays < 1 || reopenWindowDays > MAX_DAYS) {
                errors.add(new FieldError("reopen_window_days", "must be 1 to " + MAX_DAYS));
            }
            if (autoCloseDays < 1 || autoCloseDays > MAX_DAYS) {
                errors.add(new FieldError("auto_close_days", "must be 1 to " + MAX_DAYS));
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailed(errors);
            }
        }
    }

    private final AdminWork work;
    private final TenantConfiguration configuration;

    public ChangeSettings(AdminWork work, TenantConfiguration configuration) {
        this.work = work;
        this.configuration = configuration;
    }

    public TenantSettings handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "change settings", () -> {
            TenantSettings before = configuration.settings(admin.tenant());
            TenantSettings after = new TenantSettings(
                    before.categories(),
                    Duration.ofDays(command.reopenWindowDays()),
                    Duration.ofDays(command.autoCloseDays()));
            List<FieldChange> changes = new ArrayList<>();
            if (!after.reopenWindow().equals(before.reopenWindow())) {
                changes.add(FieldChange.of(
                        "reopen_window_days",
                        before.reopenWindow().toDays(),
                        after.reopenWindow().toDays()));
            }
            if (!after.autoCloseDelay().equals(before.autoCloseDelay())) {
                changes.add(FieldChange.of(
                        "auto_close_days",
                        before.autoCloseDelay().toDays(),
                        after.autoCloseDelay().toDays()));
            }
            if (changes.isEmpty()) {
                return before;
            }
            configuration.save(admin.tenant(), after);
            work.record(
                    admin,
                    JournalAction.SETTINGS_CHANGED,
                    TargetKind.TENANT,
                    admin.tenant().value(),
                    changes);
            return after;
        });
    }
}
