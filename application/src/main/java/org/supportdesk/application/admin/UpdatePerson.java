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
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Language;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/**
 * An admin renames a person, changes a staff member's role, (de)activates someone (§2, §17) or sets the language of
 * their mail. A deactivated person cannot sign in nor be assigned; their history stays. A role change stays within the
 * list the person is on, and an admin cannot demote or deactivate themselves, and changes that take admin rights away
 * run one at a time, so a tenant never loses its last admin, even to two admins demoting each other at the same
 * instant.
 */
public final class UpdatePerson {
    public record Command(
            StaffActor actor,
            PeopleList audience,
            UserId person,
            Optional<String> name,
            Optional<Role> role,
            Optional<Boolean> active,
            Optional<Language> language) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(active, "active");
            Objects.requireNonNull(language, "language");
        }

        /** A change that leaves the person's language as it is. */
        public Command(
                StaffActor actor,
                PeopleList audience,
                UserId person,
                Optional<String> name,
                Optional<Role> role,
                Optional<Boolean> active) {
            this(actor, audience, person, name, role, active, Optional.empty());
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
            if (takesAdminRightsAway(command)) {
                // Two admins demoting each other at once must not leave the tenant without one: such changes run
                // one after the other, and the second finds its actor no longer an admin.
                people.lockActiveAdmins(admin.tenant());
                if (people.person(admin.tenant(), admin.id())
                        .filter(p -> p.role() == Role.ADMIN && p.active())
                        .isEmpty()) {
                    throw new Forbidden("only admins change people");
                }
            }
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
                    active,
                    command.language().orElse(before.language()));
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
            if (after.language() != before.language()) {
                changes.add(FieldChange.of(
                        "language",
                        before.language().wireName(),
                        after.language().wireName()));
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

    /** Whether the command may demote or deactivate an admin (it names a role other than admin, or deactivates). */
    private static boolean takesAdminRightsAway(Command command) {
        return command.audience() == PeopleList.STAFF
                && (command.role().filter(role -> role != Role.ADMIN).isPresent()
                        || command.active().filter(active -> !active).isPresent());
    }
}
