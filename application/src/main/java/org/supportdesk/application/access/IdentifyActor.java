package org.supportdesk.application.access;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TransactionRunner;
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
    private final TransactionRunner transactions;

    public IdentifyActor(People people, TransactionRunner transactions) {
        this.people = people;
        this.transactions = transactions;
    }

    public Optional<Actor> handle(Command command) {
        return transactions.inTransaction(command.tenant(), () -> people.person(command.tenant(), command.person())
                .filter(Person::active)
                .filter(p -> p.role() == command.claimedRole())
                .map(this::actorOf));
    }

    private Actor actorOf(Person person) {
        if (person.role() == Role.CUSTOMER) {
            return CustomerActor.of(
                    person, person.organization().flatMap(org -> people.organization(person.tenant(), org)));
        }
        return StaffActor.of(person);
    }
}
