package org.supportdesk.application.webhook;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.supportdesk.application.notify.WebhookSignature;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.notify.WebhookUrl;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.port.TargetGuard;
import org.supportdesk.domain.port.Webhooks;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin subscribes a URL to event types (seed 003). The target must pass the SSRF guard now (and does again at
 * every send); the signing secret is answered this once and stored sealed.
 */
public final class CreateWebhook {
    public record Command(StaffActor actor, String url, List<String> events, String description) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The stored subscription and its secret, which is never available again. */
    public record Created(Webhook webhook, String secret) {}

    private final AdminWork work;
    private final Webhooks webhooks;
    private final TargetGuard guard;
    private final SecretSource random;
    private final SecretBox secrets;

    public CreateWebhook(AdminWork work, Webhooks webhooks, TargetGuard guard, SecretSource random, SecretBox secrets) {
        this.work = work;
        this.webhooks = webhooks;
        this.guard = guard;
        this.random = random;
        this.secrets = secrets;
    }

    public Created handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "manage webhooks", () -> {
            WebhookUrl url = WebhookSubscription.url(command.url(), guard);
            Set<String> events = WebhookSubscription.events(command.events());
            String description = WebhookSubscription.description(command.description());
            String secret = WebhookSignature.newSecret(random);
            Webhook webhook = new Webhook(
                    work.newId(),
                    admin.tenant(),
                    url,
                    events,
                    description,
                    secrets.seal(secret),
                    work.now(),
                    work.now());
            webhooks.add(webhook);
            work.record(
                    admin,
                    JournalAction.WEBHOOK_CREATED,
                    TargetKind.WEBHOOK,
                    webhook.id(),
                    List.of(
                            FieldChange.of("url", null, url.toString()),
                            FieldChange.of("events", null, String.join(",", events))));
            return new Created(webhook, secret);
        });
    }
}
