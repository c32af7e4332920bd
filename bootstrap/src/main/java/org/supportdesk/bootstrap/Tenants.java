package org.supportdesk.bootstrap;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.tenant.UserId;

/** Creates a tenant with its defaults (§17) and its first admin, who signs in with a password. */
final class Tenants {
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    static final int MIN_PASSWORD_LENGTH = 8;

    private Tenants() {}

    /** A tenant's first admin; validated before anything is written. */
    record NewTenant(String slug, String name, Email adminEmail, String adminName, String adminPassword) {
        NewTenant {
            if (!SLUG.matcher(slug).matches()) {
                throw new IllegalArgumentException("the slug must be 2 to 63 characters of a-z, 0-9 and '-',"
                        + " starting with a letter or digit; got '" + slug + "'");
            }
            if (name.isBlank()) {
                throw new IllegalArgumentException("the tenant name must not be blank");
            }
            if (adminPassword.length() < MIN_PASSWORD_LENGTH) {
                throw new IllegalArgumentException(
                        "the admin password must be at least " + MIN_PASSWORD_LENGTH + " characters");
            }
        }
    }

    /** A tenant with that slug already exists. */
    static final class TenantExists extends IllegalStateException {
        TenantExists(String slug) {
            super("a tenant with slug '" + slug + "' already exists");
        }
    }

    /** Creates the tenant with default settings, SLA policy v1 and a 24/7 calendar v1, and its admin. */
    static Created create(Stores stores, NewTenant request) {
        if (stores.tenants().bySlug(request.slug()).isPresent()) {
            throw new TenantExists(request.slug());
        }
        TenantId tenant = new TenantId(UUID.randomUUID());
        Person admin = new Person(
                new UserId(UUID.randomUUID()),
                tenant,
                request.adminEmail(),
                request.adminName(),
                Role.ADMIN,
                Optional.empty(),
                true);
        String hash = stores.passwordHashing().hash(new Password(request.adminPassword()));
        // One transaction: the tenant never exists without its admin.
        stores.transactions().inTransaction(tenant, () -> {
            stores.tenants().create(tenant, request.slug(), request.name(), TenantSettings.defaults());
            stores.people().addWithPassword(admin, Optional.of(hash));
            return null;
        });
        return new Created(tenant, admin);
    }

    /** Stores a person who signs in with {@code password}, kept only as its hash. */
    static void addWithPassword(Stores stores, Person person, String password) {
        String hash = stores.passwordHashing().hash(new Password(password));
        stores.transactions().inTransaction(person.tenant(), () -> {
            stores.people().addWithPassword(person, Optional.of(hash));
            return null;
        });
    }

    record Created(TenantId tenant, Person admin) {}
}
