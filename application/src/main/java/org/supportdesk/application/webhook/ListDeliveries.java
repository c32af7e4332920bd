package org.supportdesk.application.webhook;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.Webhooks;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin reads the outbox's deliveries, newest first: all, or in one state, or one subscription's log. */
public final class ListDeliveries {
    public record Command(StaffActor actor, Optional<DeliveryState> state, Optional<UUID> webhook, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(webhook, "webhook");
            Objects.requireNonNull(page, "page");
        }
    }

    private final AdminWork work;
    private final Deliveries deliveries;
    private final Webhooks webhooks;

    public ListDeliveries(AdminWork work, Deliveries deliveries, Webhooks webhooks) {
        this.work = work;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
    }

    public Page<Delivery> handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "read the outbox", () -> {
            command.webhook().ifPresent(id -> webhooks.find(admin.tenant(), id)
                    .orElseThrow(() -> new NotFound("Webhook not found")));
            return deliveries.list(
                    admin.tenant(), command.state(), command.webhook().map(UUID::toString), command.page());
        });
    }
}
