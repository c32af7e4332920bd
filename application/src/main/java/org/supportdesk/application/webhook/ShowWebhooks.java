package org.supportdesk.application.webhook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.Webhooks;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin reads the tenant's subscriptions, one or a page (oldest first); never their secrets. */
public final class ShowWebhooks {
    /** One subscription when {@code id} is given, else {@code page} of them. */
    public record Command(StaffActor actor, Optional<UUID> id, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(page, "page");
        }
    }

    private final AdminWork work;
    private final Webhooks webhooks;

    public ShowWebhooks(AdminWork work, Webhooks webhooks) {
        this.work = work;
        this.webhooks = webhooks;
    }

    public Page<Webhook> handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "manage webhooks", () -> {
            if (command.id().isPresent()) {
                Webhook one = webhooks.find(admin.tenant(), command.id().get())
                        .orElseThrow(() -> new NotFound("Webhook not found"));
                return new Page<>(List.of(one), 1, 1, 1);
            }
            return webhooks.list(admin.tenant(), command.page());
        });
    }
}
