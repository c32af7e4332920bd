package org.supportdesk.application.admin;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin lists the tenant's organisations by name. */
public final class ListOrganizations {
    public record Command(StaffActor actor, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(page, "page");
        }
    }

    private final AdminWork work;
    private final People people;

    public ListOrganizations(AdminWork work, People people) {
        this.work = work;
        this.people = people;
    }

    public Page<Organization> handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "list organisations", () -> people.organizations(admin.tenant(), command.page()));
    }
}
