package org.supportdesk.application.admin;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin reads one organisation of the tenant; another tenant's is not found. */
public final class GetOrganization {
    public record Command(StaffActor actor, OrganizationId organization) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(organization, "organization");
        }
    }

    private final AdminWork work;
    private final People people;

    public GetOrganization(AdminWork work, People people) {
        this.work = work;
        this.people = people;
    }

    public Organization handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(
                admin, "read organisations", () -> people.organization(admin.tenant(), command.organization())
                        .orElseThrow(() -> new NotFound("Organization not found")));
    }
}
