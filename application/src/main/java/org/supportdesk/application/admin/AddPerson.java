package org.supportdesk.application.admin;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Language;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/**
 * An admin adds a customer (maybe in an organisation) or a staff member (§17 "People, tenants, tokens"), active, with a
 * password to sign in with when one is given; an address already taken in the tenant is a conflict.
 */
public final class AddPerson {
    public record Command(
            StaffActor actor,
            Email email,
            String name,
            Role role,
            Optional<OrganizationId> organization,
            Optional<Password> password,
            Language language) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(language, "language");
            if (role.isStaff() && organization.isPresent()) {
                throw ValidationFailed.of("organization_id", "staff belong to no customer organisation");
            }
        }

        /** Someone who reads the {@linkplain Language#DEFAULT default language}. */
        public Command(
                StaffActor actor,
                Email email,
                String name,
                Role role,
                Optional<OrganizationId> organization,
                Optional<Password> password) {
            this(actor, email, name, role, organization, password, Language.DEFAULT);
        }
    }

    private final AdminWork work;
    private final People people;
    private final Credentials credentials;
    private final PasswordHashing hashing;

    public AddPerson(AdminWork work, People people, Credentials credentials, PasswordHashing hashing) {
        this.work = work;
        this.people = people;
        this.credentials = credentials;
        this.hashing = hashing;
    }

    public Person handle(Command command) {
        StaffActor admin = command.actor();
        // Hash before the transaction: the key derivation is slow on purpose and needs no database.
        Optional<String> hash = command.password().map(hashing::hash);
        return work.asAdmin(admin, "add people", () -> {
            if (people.personByEmail(admin.tenant(), command.email()).isPresent()) {
                throw new Conflict("Someone in this tenant already has the address " + command.email());
            }
            command.organization().ifPresent(org -> people.organization(admin.tenant(), org)
                    .orElseThrow(() -> ValidationFailed.of("organization_id", "is not an organisation of the tenant")));
            Person person = new Person(
                    new UserId(work.newId()),
                    admin.tenant(),
                    command.email(),
                    command.name(),
                    command.role(),
                    command.organization(),
                    true,
                    command.language());
            people.add(person);
            hash.ifPresent(h -> credentials.setPasswordHash(admin.tenant(), person.id(), h));
            work.recordPersonCreated(admin, person);
            return person;
        });
    }
}
