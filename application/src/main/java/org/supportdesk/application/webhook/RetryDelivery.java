package org.supportdesk.application.webhook;

import java.util.Objects;
import java.util.UUID;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin makes a parked or failed delivery due now (§13); the dispatcher sends it on its next round with its dedup
 * key unchanged. A parked delivery gets one more attempt each time. A sent one is a 409.
 */
public final class RetryDelivery {
    public record Command(StaffActor actor, UUID id) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
        }
    }

    private final AdminWork work;
    private final Deliveries deliveries;

    public RetryDelivery(AdminWork work, Deliveries deliveries) {
        this.work = work;
        this.deliveries = deliveries;
    }

    public Delivery handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "retry deliveries", () -> {
            Delivery delivery =
                    deliveries.find(admin.tenant(), command.id()).orElseThrow(() -> new NotFound("Delivery not found"));
            return switch (delivery.state()) {
                case SENT -> throw new Conflict("the delivery was sent already");
                case PENDING, FAILED, PARKED -> {
                    Delivery due = delivery.retried(work.now());
                    deliveries.update(due);
                    yield due;
                }
            };
        });
    }
}
