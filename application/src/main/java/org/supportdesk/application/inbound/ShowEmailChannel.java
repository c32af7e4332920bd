package org.supportdesk.application.inbound;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin reads the tenant's email channel; never its secret or password. */
public final class ShowEmailChannel {
    public record Command(StaffActor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    private final AdminWork work;
    private final EmailChannels channels;

    public ShowEmailChannel(AdminWork work, EmailChannels channels) {
        this.work = work;
        this.channels = channels;
    }

    public EmailChannel handle(Command command) {
        return work.asAdmin(command.actor(), "read the email channel", () -> channels.find(
                        command.actor().tenant())
                .orElseThrow(() -> new NotFound("The email channel is not configured")));
    }
}
