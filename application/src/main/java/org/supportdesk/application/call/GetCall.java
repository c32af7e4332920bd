package org.supportdesk.application.call;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallNotFound;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.StaffActor;

/** Staff read one call-back request of their tenant; another tenant's is not found. */
public final class GetCall {
    public record Command(StaffActor actor, CallId call) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(call, "call");
        }
    }

    private final AdminWork work;
    private final CallRequests calls;
    private final People people;

    public GetCall(AdminWork work, CallRequests calls, People people) {
        this.work = work;
        this.calls = calls;
        this.people = people;
    }

    public CallView handle(Command command) {
        StaffActor staff = command.actor();
        return work.asStaff(staff, () -> CallViews.over(people)
                .of(calls.find(staff.tenant(), command.call()).orElseThrow(CallNotFound::new)));
    }
}
