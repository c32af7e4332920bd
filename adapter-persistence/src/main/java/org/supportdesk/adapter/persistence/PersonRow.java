package org.supportdesk.adapter.persistence;

import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** A {@code users} row without its password hash, which never leaves the sign-in code. */
public record PersonRow(
        UUID tenantId,
        UUID id,
        String email,
        String name,
        String role,
        UUID organizationId,
        boolean active,
        String language) {

    static PersonRow from(Person p) {
        return new PersonRow(
                p.tenant().value(),
                p.id().value(),
                p.email().value(),
                p.name(),
                p.role().wireName(),
                p.organization().map(OrganizationId::value).orElse(null),
                p.active(),
                p.language().wireName());
    }

    Person toDomain() {
        return new Person(
                new UserId(id),
                new TenantId(tenantId),
                Email.of(email),
                name,
                Rows.role(role),
                Optional.ofNullable(organizationId).map(OrganizationId::new),
                active,
                Rows.language(language));
    }
}
