package org.supportdesk.bootstrap;

import java.util.Optional;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSlug;

/** Sets tenants up for tests through the real use cases, as an operator and then the tenant's admin would. */
public final class Onboarding {
    private Onboarding() {}

    /** A new tenant with its defaults and its first admin, who acts for the tenant afterwards. */
    public static StaffActor tenant(UseCases useCases, String slug, String adminEmail, String adminPassword) {
        CreateTenant.Created created = useCases.createTenant()
                .handle(CreateTenant.Command.withAdmin(
                        new TenantSlug(slug),
                        "Tenant " + slug,
                        new CreateTenant.FirstAdmin(Email.of(adminEmail), "Admin", new Password(adminPassword))));
        return StaffActor.of(created.admin().orElseThrow());
    }

    /** A person the admin adds, who signs in with {@code password} (or not at all when it is empty). */
    public static Person person(
            UseCases useCases, StaffActor admin, String email, String name, Role role, Optional<String> password) {
        return useCases.admin()
                .addPerson()
                .handle(new AddPerson.Command(
                        admin, Email.of(email), name, role, Optional.empty(), password.map(Password::new)));
    }
}
