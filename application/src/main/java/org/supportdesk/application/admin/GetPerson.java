package org.supportdesk.application.admin;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/** One person of a list: staff read staff, only admins read customers; anyone else's is not found (§8). */
public final class GetPerson {
    public record Command(StaffActor actor, PeopleList audience, UserId person) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(person, "person");
        }
    }

    private final AdminWork work;
    private final People people;

    public GetPerson(AdminWork work, People people) {
        this.work = work;
        this.people = people;
    }

    public Person handle(Command command) {
        StaffActor actor = command.actor();
        if (command.audience() == PeopleList.CUSTOMERS && !actor.isAdmin()) {
            throw new Forbidden("only admins read customers");
        }
        return work.asStaff(actor, () -> people.person(actor.tenant(), command.person())
                .filter(p -> command.audience().includes(p.role()))
                .orElseThrow(() -> new NotFound("Person not found")));
    }
}
