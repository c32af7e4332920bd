package org.supportdesk.application.webhook;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.port.Webhooks;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin removes a subscription. Its deliveries stay in the log; one still owed is parked at its next attempt (the
 * subscription is gone).
 */
public final class DeleteWebhook {
    public record Command(StaffActor actor, UUID id) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
        }
    }

    private final AdminWork work;
    private final Webhooks webhooks;

    public DeleteWebhook(AdminWork work, Webhooks webhooks) {
        this.work = work;
        this.webhooks = webhooks;
    }

    public void handle(Command command) {
        StaffActor admin = command.actor();
        work.asAdmin(admin, "manage webhooks", () -> {
            Webhook gone =
                    webhooks.find(admin.tenant(), command.id()).orElseThrow(() -> new NotFound("Webhook not found"));
            webhooks.delete(admin.tenant(), gone.id());
            work.record(
                    admin,
                    JournalAction.WEBHOOK_DELETED,
                    TargetKind.WEBHOOK,
                    gone.id(),
                    List.of(FieldChange.of("url", gone.url().toString(), null)));
            return null;
        });
    }
}
