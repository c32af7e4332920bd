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
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/**
 * An admin renames a person, changes a staff member's role or (de)activates someone (§2, §17). A deactivated person
 * cannot sign in nor be assigned; their history stays. A role change stays within the list the person is on, and an
 * admin cannot demote or deactivate themselves, so a tenant never locks out its last admin by accident.
 */
public final class UpdatePerson {
    public record Command(
            StaffActor actor,
            PeopleList audience,
            UserId person,
            Optional<String> name,
            Optional<Role> role,
            Optional<Boolean> active) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(active, "active");
        }
    }

    private final AdminWork work;
    private final People people;

    public UpdatePerson(AdminWork work, People people) {
        this.work = work;
        this.people = people;
    }

    public Person handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "change people", () -> {
            Person before = people.person(admin.tenant(), command.person())
                    .filter(p -> command.audience().includes(p.role()))
                    .orElseThrow(() -> new NotFound("Person not found"));
            if (CreateApiToken.isTokenIdentity(before)) {
                throw new Conflict("Person " + before.id() + " is the identity of an API token; manage it there");
            }
            Role role = command.role().orElse(before.role());
            if (!command.audience().includes(role)) {
                throw ValidationFailed.of(
                        "role",
                        command.audience() == PeopleList.STAFF
                                ? "must be agent or admin"
                                : "must be customer; add staff as agents");
            }
            boolean active = command.active().orElse(before.active());
            if (before.id().equals(admin.id()) && (role != Role.ADMIN || !active)) {
                throw ValidationFailed.of(
                        role != Role.ADMIN ? "role" : "active", "admins cannot demote or deactivate themselves");
            }
            Person after = new Person(
                    before.id(),
                    before.tenant(),
                    before.email(),
                    command.name().orElse(before.name()),
                    role,
                    before.organization(),
                    active);
            List<FieldChange> changes = new ArrayList<>();
            if (!after.name().equals(before.name())) {
                changes.add(FieldChange.of("name", before.name(), after.name()));
            }
            if (after.role() != before.role()) {
                changes.add(FieldChange.of("role", before.role().wireName(), role.wireName()));
            }
            if (after.active() != before.active()) {
                changes.add(FieldChange.of("active", before.active(), after.active()));
            }
            if (changes.isEmpty()) {
                return before;
            }
            people.update(after);
            work.record(
                    admin,
                    JournalAction.PERSON_UPDATED,
                    TargetKind.PERSON,
                    after.id().value(),
                    changes);
            return after;
        });
    }
}
