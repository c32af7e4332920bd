package org.supportdesk.application.admin;

import java.util.List;
import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin adds a customer organisation; with shared tickets its members see each other's tickets (§2). */
public final class AddOrganization {
    public record Command(StaffActor actor, String name, boolean sharedTickets) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(name, "name");
        }
    }

    private final AdminWork work;
    private final People people;

    public AddOrganization(AdminWork work, People people) {
        this.work = work;
        this.people = people;
    }

    public Organization handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "add organisations", () -> {
            Organization organization = new Organization(
                    new OrganizationId(work.newId()), admin.tenant(), command.name(), command.sharedTickets());
            people.addOrganization(organization);
            work.record(
                    admin,
                    JournalAction.ORGANIZATION_CREATED,
                    TargetKind.ORGANIZATION,
                    organization.id().value(),
                    List.of(
                            FieldChange.of("name", null, organization.name()),
                            FieldChange.of("shared_tickets", null, organization.sharedTickets())));
            return organization;
        });
    }
}
