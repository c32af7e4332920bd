package org.supportdesk.application.inbound;

import java.util.List;
import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin replaces the tenant's inbound secret: the new one is answered once, and the old one stops working. */
public final class RotateInboundSecret {
    public record Command(StaffActor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The channel as stored, and its new secret, which is never available again. */
    public record Rotated(EmailChannel channel, String secret) {}

    private final AdminWork work;
    private final EmailChannels channels;
    private final SecretSource random;

    public RotateInboundSecret(AdminWork work, EmailChannels channels, SecretSource random) {
        this.work = work;
        this.channels = channels;
        this.random = random;
    }

    public Rotated handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "rotate the inbound secret", () -> {
            EmailChannel before = channels.find(admin.tenant())
                    .orElseThrow(() -> new NotFound("The email channel is not configured"));
            String secret = InboundSecrets.newSecret(random);
            EmailChannel rotated = new EmailChannel(
                    before.tenant(),
                    before.supportAddress(),
                    before.imap(),
                    InboundSecrets.hash(secret),
                    before.createdAt(),
                    work.now());
            channels.save(rotated);
            work.record(
                    admin,
                    JournalAction.INBOUND_SECRET_ROTATED,
                    TargetKind.EMAIL_CHANNEL,
                    admin.tenant().value(),
                    List.of());
            return new Rotated(rotated, secret);
        });
    }
}
