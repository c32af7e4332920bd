package org.supportdesk.application.inbound;

import java.util.List;
import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin removes the tenant's email channel: the hook's secret stops working and the mailbox is no longer read.
 * What was received stays (tickets, messages, and the record that de-duplicates mail).
 */
public final class RemoveEmailChannel {
    public record Command(StaffActor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    private final AdminWork work;
    private final EmailChannels channels;

    public RemoveEmailChannel(AdminWork work, EmailChannels channels) {
        this.work = work;
        this.channels = channels;
    }

    public void handle(Command command) {
        StaffActor admin = command.actor();
        work.asAdmin(admin, "remove the email channel", () -> {
            var removed = channels.find(admin.tenant())
                    .orElseThrow(() -> new NotFound("The email channel is not configured"));
            channels.delete(admin.tenant());
            work.record(
                    admin,
                    JournalAction.EMAIL_CHANNEL_REMOVED,
                    TargetKind.EMAIL_CHANNEL,
                    admin.tenant().value(),
                    List.of(FieldChange.of(
                            "support_address", removed.supportAddress().value(), null)));
            return null;
        });
    }
}
