package org.supportdesk.application.sla;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.SettingBounds;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin sets new business hours: a new calendar version for tickets filed from now on (§7). A calendar that is
 * never open is refused, since no clock could ever run under it, and so is one beyond the {@link SettingBounds}.
 */
public final class ChangeBusinessHours {
    /** {@code calendar} builds the new calendar for the version number it is given. */
    public record Command(StaffActor actor, IntFunction<BusinessCalendar> calendar) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(calendar, "calendar");
        }
    }

    private final SlaSettings settings;
    private final AdminWork work;

    public ChangeBusinessHours(SlaSettings settings, AdminWork work) {
        this.settings = settings;
        this.work = work;
    }

    public BusinessCalendar handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "change the business hours", () -> {
            BusinessCalendar current = settings.currentCalendar(admin.tenant());
            BusinessCalendar next = command.calendar().apply(current.version() + 1);
            if (next.version() != current.version() + 1) {
                throw new IllegalArgumentException("the new calendar must be version " + (current.version() + 1));
            }
            if (!next.hasOpeningHours()) {
                throw ValidationFailed.of("weekly_hours", "the calendar must be open at some time of the week");
            }
            SettingBounds.check(next);
            settings.addCalendar(admin.tenant(), next);
            work.record(
                    admin,
                    JournalAction.CALENDAR_VERSIONED,
                    TargetKind.TENANT,
                    admin.tenant().value(),
                    List.of(
                            FieldChange.of("version", current.version(), next.version()),
                            FieldChange.of("calendar", current, next)));
            return next;
        });
    }
}
