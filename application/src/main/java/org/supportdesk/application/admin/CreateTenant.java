package org.supportdesk.application.admin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.sla.AlwaysOpen;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.SystemActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.tenant.UserId;

/**
 * An operator creates a tenant with what every tenant starts with (§17): the default settings and categories, SLA
 * policy version 1, a 24/7 calendar version 1, and usually its first admin, who signs in with a password. All of it is
 * one transaction, and all of it is journalled.
 */
public final class CreateTenant {
    /**
     * @param id the tenant's id when the embedding platform has one already (its tokens' {@code tid}); else a new one
     * @param admin the first admin; a platform that signs its people in itself may add staff later instead
     */
    public record Command(Optional<TenantId> id, TenantSlug slug, String name, Optional<FirstAdmin> admin) {
        public Command {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(admin, "admin");
            if (name == null || name.isBlank()) {
                throw ValidationFailed.of("name", "must not be blank");
            }
        }

        /** A new tenant with a new id and its first admin. */
        public static Command withAdmin(TenantSlug slug, String name, FirstAdmin admin) {
            return new Command(Optional.empty(), slug, name, Optional.of(admin));
        }
    }

    /** The first admin of a new tenant. */
    public record FirstAdmin(Email email, String name, Password password) {
        public FirstAdmin {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            if (name == null || name.isBlank()) {
                throw ValidationFailed.of("admin_name", "must not be blank");
            }
        }
    }

    /** The new tenant and its first admin, if it has one. */
    public record Created(TenantId tenant, Optional<Person> admin) {}

    private final AdminWork work;
    private final Tenants tenants;
    private final TenantConfiguration configuration;
    private final SlaSettings slaSettings;
    private final People people;
    private final Credentials credentials;
    private final PasswordHashing hashing;

    public CreateTenant(
            AdminWork work,
            Tenants tenants,
            TenantConfiguration configuration,
            SlaSettings slaSettings,
            People people,
            Credentials credentials,
            PasswordHashing hashing) {
        this.work = work;
        this.tenants = tenants;
        this.configuration = configuration;
        this.slaSettings = slaSettings;
        this.people = people;
        this.credentials = credentials;
        this.hashing = hashing;
    }

    public Created handle(Command command) {
        if (tenants.bySlug(command.slug().value()).isPresent()) {
            throw new Conflict("A tenant with the slug '" + command.slug() + "' already exists");
        }
        // Hash before the transaction: the key derivation is slow on purpose and needs no database.
        Optional<String> hash = command.admin().map(admin -> hashing.hash(admin.password()));
        TenantId tenant = command.id().orElseGet(() -> new TenantId(work.newId()));
        SystemActor operator = new SystemActor(tenant);
        return work.asSystem(tenant, () -> {
            tenants.add(tenant, command.slug(), command.name().strip(), work.now());
            configuration.save(tenant, TenantSettings.defaults());
            slaSettings.addPolicy(tenant, SlaPolicy.defaults());
            slaSettings.addCalendar(tenant, new AlwaysOpen(1));
            work.record(
                    operator,
                    JournalAction.TENANT_CREATED,
                    TargetKind.TENANT,
                    tenant.value(),
                    List.of(
                            FieldChange.of("slug", null, command.slug().value()),
                            FieldChange.of("name", null, command.name().strip())));
            Optional<Person> admin = command.admin().map(first -> {
                Person person = new Person(
                        new UserId(work.newId()),
                        tenant,
                        first.email(),
                        first.name().strip(),
                        Role.ADMIN,
                        Optional.empty(),
                        true);
                people.add(person);
                credentials.setPasswordHash(tenant, person.id(), hash.orElseThrow());
                work.recordPersonCreated(operator, person);
                return person;
            });
            return new Created(tenant, admin);
        });
    }
}
