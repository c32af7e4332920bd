package org.supportdesk.application.call;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.port.CallFilter;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.StaffActor;

/** Staff work the call-back queue (§10): soonest due first, by status, assignee and due window. */
public final class ListCalls {
    public record Command(StaffActor actor, CallFilter filter, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(page, "page");
        }
    }

    private final AdminWork work;
    private final CallRequests calls;
    private final People people;

    public ListCalls(AdminWork work, CallRequests calls, People people) {
        this.work = work;
        this.calls = calls;
        this.people = people;
    }

    public Page<CallView> handle(Command command) {
        StaffActor staff = command.actor();
        return work.asStaff(staff, () -> {
            CallViews views = CallViews.over(people);
            return calls.list(staff.tenant(), command.filter(), CallRequests.Order.DUE_FIRST, command.page())
                    .map(views::of);
        });
    }
}
