package org.supportdesk.application.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.notify.WebhookUrl;
import org.supportdesk.domain.port.TargetGuard;
import org.supportdesk.domain.port.Webhooks;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin changes a subscription's URL (checked by the SSRF guard again), event types or description. */
public final class UpdateWebhook {
    public record Command(
            StaffActor actor,
            UUID id,
            Optional<String> url,
            Optional<List<String>> events,
            Optional<String> description) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(description, "description");
        }
    }

    private final AdminWork work;
    private final Webhooks webhooks;
    private final TargetGuard guard;

    public UpdateWebhook(AdminWork work, Webhooks webhooks, TargetGuard guard) {
        this.work = work;
        this.webhooks = webhooks;
        this.guard = guard;
    }

    public Webhook handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "manage webhooks", () -> {
            Webhook before =
                    webhooks.find(admin.tenant(), command.id()).orElseThrow(() -> new NotFound("Webhook not found"));
            WebhookUrl url = command.url()
                    .map(raw -> WebhookSubscription.url(raw, guard))
                    .orElse(before.url());
            Set<String> events =
                    command.events().map(WebhookSubscription::events).orElse(before.events());
            String description =
                    command.description().map(WebhookSubscription::description).orElse(before.description());
            Webhook after = before.with(url, events, description, work.now());
            webhooks.update(after);
            List<FieldChange> changes = new ArrayList<>();
            if (!after.url().equals(before.url())) {
                changes.add(FieldChange.of(
                        "url", before.url().toString(), after.url().toString()));
            }
            if (!after.events().equals(before.events())) {
                changes.add(
                        FieldChange.of("events", String.join(",", before.events()), String.join(",", after.events())));
            }
            if (!after.description().equals(before.description())) {
                changes.add(FieldChange.of("description", before.description(), after.description()));
            }
            work.record(admin, JournalAction.WEBHOOK_UPDATED, TargetKind.WEBHOOK, after.id(), changes);
            return after;
        });
    }
}
