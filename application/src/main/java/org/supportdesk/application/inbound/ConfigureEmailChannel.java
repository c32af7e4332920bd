package org.supportdesk.application.inbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.mail.ImapAccount;
import org.supportdesk.domain.mail.ImapSecurity;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.port.TargetGuard;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin sets the tenant's inbound email channel (docs/notifications.md "Inbound email"): the support address, and
 * optionally the IMAP mailbox the poller reads. The first time, the answer carries the inbound secret, once; the IMAP
 * password is kept sealed, and an update that leaves it out keeps the one stored.
 */
public final class ConfigureEmailChannel {
    /** The IMAP mailbox as an admin gives it; an absent password keeps the stored one. */
    public record Imap(
            String host,
            Optional<Integer> port,
            Optional<String> security,
            String username,
            Optional<String> password,
            Optional<String> folder) {
        public Imap {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(folder, "folder");
        }
    }

    public record Command(StaffActor actor, String supportAddress, Optional<Imap> imap) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(imap, "imap");
        }
    }

    /** The channel as stored, and the inbound secret when this call made it (the first configuration). */
    public record Configured(EmailChannel channel, Optional<String> secret) {}

    static final String DEFAULT_FOLDER = "INBOX";

    private final AdminWork work;
    private final EmailChannels channels;
    private final TargetGuard guard;
    private final SecretSource random;
    private final SecretBox box;

    public ConfigureEmailChannel(
            AdminWork work, EmailChannels channels, TargetGuard guard, SecretSource random, SecretBox box) {
        this.work = work;
        this.channels = channels;
        this.guard = guard;
        this.random = random;
        this.box = box;
    }

    public Configured handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "configure the email channel", () -> {
            Email address = supportAddress(command.supportAddress());
            Optional<EmailChannel> before = channels.find(admin.tenant());
            Optional<ImapAccount> imap =
                    command.imap().map(given -> account(given, before.flatMap(EmailChannel::imap)));
            Optional<String> secret =
                    before.isPresent() ? Optional.empty() : Optional.of(InboundSecrets.newSecret(random));
            EmailChannel channel = new EmailChannel(
                    admin.tenant(),
                    address,
                    imap,
                    before.map(EmailChannel::secretHash).orElseGet(() -> InboundSecrets.hash(secret.orElseThrow())),
                    before.map(EmailChannel::createdAt).orElse(work.now()),
                    work.now());
            channels.save(channel);
            List<FieldChange> changes = new ArrayList<>();
            changes.add(FieldChange.of(
                    "support_address",
                    before.map(c -> c.supportAddress().value()).orElse(null),
                    address.value()));
            changes.add(FieldChange.of(
                    "imap",
                    before.flatMap(EmailChannel::imap)
                            .map(ImapAccount::toString)
                            .orElse(null),
                    imap.map(ImapAccount::toString).orElse(null)));
            work.record(
                    admin,
                    JournalAction.EMAIL_CHANNEL_CONFIGURED,
                    TargetKind.EMAIL_CHANNEL,
                    admin.tenant().value(),
                    changes);
            return new Configured(channel, secret);
        });
    }

    private static Email supportAddress(String raw) {
        try {
            return Email.of(raw);
        } catch (ValidationFailed invalid) {
            throw ValidationFailed.of("support_address", "must be an email address");
        }
    }

    private ImapAccount account(Imap given, Optional<ImapAccount> stored) {
        String host = Validation.singleLine("imap.host", Validation.trimmed("imap.host", given.host(), 1, 253));
        ImapSecurity security = given.security()
                .map(raw -> ImapSecurity.parse(raw)
                        .orElseThrow(() -> ValidationFailed.of("imap.security", "must be none, starttls or tls")))
                .orElse(ImapSecurity.TLS);
        int port = given.port().orElse(security == ImapSecurity.TLS ? 993 : 143);
        if (port < 1 || port > 65535) {
            throw ValidationFailed.of("imap.port", "must be 1 to 65535");
        }
        requireReachable(host, port);
        String username =
                Validation.singleLine("imap.username", Validation.trimmed("imap.username", given.username(), 1, 320));
        String folder = Validation.singleLine(
                "imap.folder", Validation.trimmed("imap.folder", given.folder().orElse(DEFAULT_FOLDER), 1, 200));
        String sealed = given.password()
                .map(password -> box.seal(Validation.trimmed("imap.password", password, 1, 1000)))
                .or(() -> stored.map(ImapAccount::sealedPassword))
                .orElseThrow(() -> ValidationFailed.of("imap.password", "is required"));
        return new ImapAccount(host, port, security, username, sealed, folder);
    }

    /** The SSRF guard judges the host the poller will connect to (the scheme only carries the host and port). */
    private void requireReachable(String host, int port) {
        URI target;
        try {
            target = new URI("https", null, host, port, "/", null, null);
        } catch (URISyntaxException e) {
            throw ValidationFailed.of("imap.host", "must be a host name or address");
        }
        if (target.getHost() == null) {
            throw ValidationFailed.of("imap.host", "must be a host name or address");
        }
        guard.refusal(target).ifPresent(why -> {
            throw ValidationFailed.of("imap.host", "is not an allowed target: " + why);
        });
    }
}
