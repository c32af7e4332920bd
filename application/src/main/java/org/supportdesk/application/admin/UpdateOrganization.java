package org.supportdesk.application.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin renames an organisation or turns its ticket sharing on or off; members see the change at once. */
public final class UpdateOrganization {
    public record Command(
            StaffActor actor, OrganizationId organization, Optional<String> name, Optional<Boolean> sharedTickets) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sharedTickets, "sharedTickets");
        }
    }

    private final AdminWork work;
    private final People people;

    public UpdateOrganization(AdminWork work, People people) {
        this.work = work;
        this.people = people;
    }

    public Organization handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "change organisations", () -> {
            Organization before = people.organization(admin.tenant(), command.organization())
                    .orElseThrow(() -> new NotFound("Organization not found"));
            Organization after = new Organization(
                    before.id(),
                    before.tenant(),
                    command.name().orElse(before.name()),
                    command.sharedTickets().orElse(before.sharedTickets()));
            List<FieldChange> changes = new ArrayList<>();
            if (!after.name().equals(before.name())) {
                changes.add(FieldChange.of("name", before.name(), after.name()));
            }
            if (after.sharedTickets() != before.sharedTickets()) {
                changes.add(FieldChange.of("shared_tickets", before.sharedTickets(), after.sharedTickets()));
            }
            if (changes.isEmpty()) {
                return before;
            }
            people.updateOrganization(after);
            work.record(
                    admin,
                    JournalAction.ORGANIZATION_UPDATED,
                    TargetKind.ORGANIZATION,
                    after.id().value(),
                    changes);
            return after;
        });
    }
}
