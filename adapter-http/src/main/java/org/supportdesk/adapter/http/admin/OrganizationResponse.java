package org.supportdesk.adapter.http.admin;

import java.util.UUID;
import org.supportdesk.domain.tenant.Organization;

/** An organisation as the admin routes show it. */
public record OrganizationResponse(UUID id, String name, boolean sharedTickets) {
    public static OrganizationResponse of(Organization organization) {
        return new OrganizationResponse(organization.id().value(), organization.name(), organization.sharedTickets());
    }
}
