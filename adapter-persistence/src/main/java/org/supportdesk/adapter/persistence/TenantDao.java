package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of adding a tenant, a table without row-level security; the lookups are in {@link TenantLookupDao}. */
interface TenantDao {
    @SqlUpdate("INSERT INTO tenants (id, slug, name, created_at) VALUES (:id, :slug, :name, :createdAt)")
    void insert(UUID id, String slug, String name, Instant createdAt);
}
