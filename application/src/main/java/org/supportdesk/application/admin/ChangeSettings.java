package org.supportdesk.application.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.AttachmentLimits;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSettings;

/**
 * An admin sets the reopen window and the auto-close delay (§17 "Settings"), each 1 to 365 days, and, when given, the
 * attachment limits (§6): the largest file, the most files on one message and the most bytes on one ticket; and the
 * retention rule (§16): erase closed tickets' personal data 1 to 36,500 days after they closed, or never.
 */
public final class ChangeSettings {
    public static final int MAX_DAYS = 365;
    public static final String MAX_FILE_BYTES = "max_attachment_bytes";
    public static final String MAX_FILES = "max_attachments_per_message";
    public static final String MAX_TICKET_BYTES = "max_attachment_bytes_per_ticket";
    public static final String ERASE_CLOSED_AFTER = "erase_closed_after_days";
    public static final int MAX_RETENTION_DAYS = 36_500;

    /** The retention rule to set: erase closed tickets' personal data so many days after closing, or (empty) never. */
    public record Retention(Optional<Integer> days) {
        public Retention {
            Objects.requireNonNull(days, "days");
        }

        Optional<Duration> eraseClosedAfter() {
            return days.map(Duration::ofDays);
        }
    }

    /** The attachment limits to change; an empty one stays as it is. */
    public record Limits(Optional<Long> maxFileBytes, Optional<Integer> maxFiles, Optional<Long> maxTicketBytes) {
        public static final Limits UNCHANGED = new Limits(Optional.empty(), Optional.empty(), Optional.empty());

        public Limits {
            Objects.requireNonNull(maxFileBytes, "maxFileBytes");
            Objects.requireNonNull(maxFiles, "maxFiles");
            Objects.requireNonNull(maxTicketBytes, "maxTicketBytes");
        }

        AttachmentLimits over(AttachmentLimits current) {
            long file = maxFileBytes.orElse(current.maxFileBytes());
            long ticket = maxTicketBytes.orElse(current.maxTicketBytes());
            if (ticket < file) {
                throw ValidationFailed.of(MAX_TICKET_BYTES, "must be at least " + MAX_FILE_BYTES + " (" + file + ")");
            }
            return new AttachmentLimits(file, maxFiles.orElse(current.maxFilesPerMessage()), ticket);
        }
    }

    /** A change of the settings; an empty {@code retention} leaves the rule as it is. */
    public record Command(
            StaffActor actor,
            int reopenWindowDays,
            int autoCloseDays,
            Limits attachmentLimits,
            Optional<Retention> retention) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(attachmentLimits, "attachmentLimits");
            Objects.requireNonNull(retention, "retention");
            List<FieldError> errors = new ArrayList<>();
            if (reopenWindowDays < 1 || reopenWindowDays > MAX_DAYS) {
                errors.add(new FieldError("reopen_window_days", "must be 1 to " + MAX_DAYS));
            }
            if (autoCloseDays < 1 || autoCloseDays > MAX_DAYS) {
                errors.add(new FieldError("auto_close_days", "must be 1 to " + MAX_DAYS));
            }
            attachmentLimits.maxFileBytes().ifPresent(bytes -> {
                if (bytes < 1 || bytes > AttachmentLimits.CEILING_FILE_BYTES) {
                    errors.add(new FieldError(MAX_FILE_BYTES, "must be 1 to " + AttachmentLimits.CEILING_FILE_BYTES));
                }
            });
            attachmentLimits.maxFiles().ifPresent(files -> {
                if (files < 1 || files > AttachmentLimits.CEILING_FILES_PER_MESSAGE) {
                    errors.add(new FieldError(MAX_FILES, "must be 1 to " + AttachmentLimits.CEILING_FILES_PER_MESSAGE));
                }
            });
            attachmentLimits.maxTicketBytes().ifPresent(bytes -> {
                if (bytes < 1 || bytes > AttachmentLimits.CEILING_TICKET_BYTES) {
                    errors.add(
                            new FieldError(MAX_TICKET_BYTES, "must be 1 to " + AttachmentLimits.CEILING_TICKET_BYTES));
                }
            });
            retention.flatMap(Retention::days).ifPresent(days -> {
                if (days < 1 || days > MAX_RETENTION_DAYS) {
                    errors.add(new FieldError(ERASE_CLOSED_AFTER, "must be 1 to " + MAX_RETENTION_DAYS + ", or null"));
                }
            });
            if (!errors.isEmpty()) {
                throw new ValidationFailed(errors);
            }
        }

        /** The two delays and attachment limits, the retention rule as it is. */
        public Command(StaffActor actor, int reopenWindowDays, int autoCloseDays, Limits attachmentLimits) {
            this(actor, reopenWindowDays, autoCloseDays, attachmentLimits, Optional.empty());
        }

        /** The two delays, the attachment limits and the retention rule as they are. */
        public Command(StaffActor actor, int reopenWindowDays, int autoCloseDays) {
            this(actor, reopenWindowDays, autoCloseDays, Limits.UNCHANGED, Optional.empty());
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
                    Duration.ofDays(command.autoCloseDays()),
                    command.attachmentLimits().over(before.attachmentLimits()),
                    command.retention().map(Retention::eraseClosedAfter).orElse(before.eraseClosedAfter()));
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
            AttachmentLimits was = before.attachmentLimits();
            AttachmentLimits is = after.attachmentLimits();
            if (was.maxFileBytes() != is.maxFileBytes()) {
                changes.add(FieldChange.of(MAX_FILE_BYTES, was.maxFileBytes(), is.maxFileBytes()));
            }
            if (was.maxFilesPerMessage() != is.maxFilesPerMessage()) {
                changes.add(FieldChange.of(MAX_FILES, was.maxFilesPerMessage(), is.maxFilesPerMessage()));
            }
            if (was.maxTicketBytes() != is.maxTicketBytes()) {
                changes.add(FieldChange.of(MAX_TICKET_BYTES, was.maxTicketBytes(), is.maxTicketBytes()));
            }
            if (!after.eraseClosedAfter().equals(before.eraseClosedAfter())) {
                changes.add(FieldChange.of(
                        ERASE_CLOSED_AFTER,
                        before.eraseClosedAfter().map(Duration::toDays).orElse(null),
                        after.eraseClosedAfter().map(Duration::toDays).orElse(null)));
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
