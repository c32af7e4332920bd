package org.supportdesk.application.privacy;

import java.util.Objects;
import java.util.UUID;
import org.supportdesk.application.attachment.UnusedContent;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.PersonalData;
import org.supportdesk.domain.privacy.Erasure;
import org.supportdesk.domain.privacy.Pseudonym;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/**
 * An admin erases a customer's personal data (§16 privacy, the right to erasure): their profile becomes their
 * {@link Pseudonym} and can no longer sign in, and what their tickets say, what they wrote, uploaded or were sent is
 * redacted wherever the tenant keeps it. Every row stays, so counts, SLA figures and ratings are as before. One
 * transaction, journaled as {@code person_erased}; erasing someone already erased is {@code 404}.
 */
public final class ErasePerson {
    public record Command(StaffActor actor, UserId customer) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** Whom the customer became, and what was redacted. */
    public record Erased(UserId person, Pseudonym pseudonym, Erasure erasure) {}

    private final AdminWork work;
    private final PersonalData personalData;
    private final Erasures erasures;

    public ErasePerson(
            AdminWork work,
            PersonalData personalData,
            Attachments attachments,
            AttachmentStore files,
            UnusedContent unusedContent) {
        this.work = work;
        this.personalData = personalData;
        this.erasures = new Erasures(work, attachments, files, unusedContent);
    }

    public Erased handle(Command command) {
        StaffActor admin = command.actor();
        Erased erased = work.asAdmin(admin, "erase a person's data", () -> {
            UUID entry = work.newId();
            Pseudonym pseudonym = Pseudonym.of(command.customer());
            Erasure erasure = personalData.erasePerson(admin.tenant(), command.customer(), pseudonym, entry);
            erasures.record(
                    entry,
                    admin,
                    JournalAction.PERSON_ERASED,
                    TargetKind.PERSON,
                    command.customer().value(),
                    erasure);
            return new Erased(command.customer(), pseudonym, erasure);
        });
        erasures.removeUnusedContent(admin.tenant(), erased.erasure());
        return erased;
    }
}
