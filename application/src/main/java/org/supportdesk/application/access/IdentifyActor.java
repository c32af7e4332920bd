package org.supportdesk.application.access;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * Turns a verified credential (tenant, person, claimed role) into the actor of a request, as the person is now: a
 * person who is unknown in that tenant, deactivated, or no longer has the claimed role is nobody (§12).
 */
public final class IdentifyActor {
    public record Command(TenantId tenant, UserId person, Role claimedRole) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(claimedRole, "claimedRole");
        }
    }

    private final People people;

    public IdentifyActor(People people) {
        this.people = people;
    }

    /** Reads the caller on its own, outside any unit of work (see {@link People#caller}). */
    public Optional<Actor> handle(Command command) {
        return people.caller(command.tenant(), command.person())
                .filter(caller -> caller.person().active())
                .filter(caller -> caller.person().role() == command.claimedRole())
                .map(IdentifyActor::actorOf);
    }

    private static Actor actorOf(People.Caller caller) {
        Person person = caller.person();
        return person.role() == Role.CUSTOMER ? CustomerActor.of(person, caller.organization()) : StaffActor.of(person);
    }
}
