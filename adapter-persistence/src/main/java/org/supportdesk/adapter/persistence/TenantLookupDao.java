package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of the lookups that find a tenant before one is bound ({@link TenantScope#tenantLookups()}). */
interface TenantLookupDao {
    @SqlQuery("SELECT id FROM tenants WHERE slug = :slug")
    Optional<UUID> idBySlug(String slug);

    @SqlQuery("SELECT id FROM tenants ORDER BY id")
    List<UUID> ids();
}
