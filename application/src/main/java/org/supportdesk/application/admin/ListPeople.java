package org.supportdesk.application.admin;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;

/** Staff list the tenant's staff (agents assign work, §17); only admins list customers. Ordered by email address. */
public final class ListPeople {
    public record Command(StaffActor actor, PeopleList audience, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(page, "page");
        }
    }

    private final AdminWork work;
    private final People people;

    public ListPeople(AdminWork work, People people) {
        this.work = work;
        this.people = people;
    }

    public Page<Person> handle(Command command) {
        StaffActor actor = command.actor();
        if (command.audience() == PeopleList.CUSTOMERS && !actor.isAdmin()) {
            throw new Forbidden("only admins list customers");
        }
        return work.asStaff(
                actor, () -> people.list(actor.tenant(), command.audience().roles(), command.page()));
    }
}
