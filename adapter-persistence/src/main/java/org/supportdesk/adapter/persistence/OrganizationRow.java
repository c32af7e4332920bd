package org.supportdesk.adapter.persistence;

import java.util.UUID;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.TenantId;

/** An {@code organizations} row; public because JDBI binds public accessors only. */
public record OrganizationRow(UUID tenantId, UUID id, String name, boolean sharedTickets) {

    static OrganizationRow from(Organization o) {
        return new OrganizationRow(o.tenant().value(), o.id().value(), o.name(), o.sharedTickets());
    }

    Organization toDomain() {
        return new Organization(new OrganizationId(id), new TenantId(tenantId), name, sharedTickets);
    }
}
