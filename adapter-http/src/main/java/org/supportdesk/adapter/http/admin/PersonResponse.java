package org.supportdesk.adapter.http.admin;

import java.util.UUID;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;

/** A person as the admin routes show them. */
public record PersonResponse(
        UUID id, String email, String name, String role, UUID organizationId, boolean active, String language) {
    public static PersonResponse of(Person person) {
        return new PersonResponse(
                person.id().value(),
                person.email().value(),
                person.name(),
                person.role().wireName(),
                person.organization().map(OrganizationId::value).orElse(null),
                person.active(),
                person.language().wireName());
    }
}
