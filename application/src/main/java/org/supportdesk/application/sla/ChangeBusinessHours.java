package org.supportdesk.application.sla;

import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
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
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin sets new business hours: a new calendar version for tickets filed from now on (§7). A calendar that is
 * never open is refused, since no clock could ever run under it.
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
    private final Journal journal;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final CorrelationIds correlation;
    private final InstantSource clock;

    public ChangeBusinessHours(
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

    public BusinessCalendar handle(Command command) {
        StaffActor admin = command.actor();
        if (!admin.isAdmin()) {
            throw new Forbidden("only admins change the business hours");
        }
        return transactions.inTransaction(admin.tenant(), () -> {
            BusinessCalendar current = settings.currentCalendar(admin.tenant());
            BusinessCalendar next = command.calendar().apply(current.version() + 1);
            if (next.version() != current.version() + 1) {
                throw new IllegalArgumentException("the new calendar must be version " + (current.version() + 1));
            }
            if (!next.hasOpeningHours()) {
                throw ValidationFailed.of("weekly_hours", "the calendar must be open at some time of the week");
            }
            settings.addCalendar(admin.tenant(), next);
            journal.append(new JournalEntry(
                    ids.newId(),
                    admin.tenant(),
                    admin.asAuthor(),
                    JournalAction.CALENDAR_VERSIONED,
                    TargetKind.TENANT,
                    admin.tenant().value(),
                    List.of(
                            FieldChange.of("version", current.version(), next.version()),
                            FieldChange.of("calendar", current, next)),
                    correlation.current(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
            return next;
        });
    }
}
