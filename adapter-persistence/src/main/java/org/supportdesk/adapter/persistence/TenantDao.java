package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the tenants themselves, a table without row-level security. */
interface TenantDao {
    @SqlQuery("SELECT id FROM tenants WHERE slug = :slug")
    Optional<UUID> idBySlug(String slug);

    @SqlQuery("SELECT id FROM tenants ORDER BY id")
    List<UUID> ids();

    @SqlUpdate("INSERT INTO tenants (id, slug, name, created_at) VALUES (:id, :slug, :name, :createdAt)")
    void insert(UUID id, String slug, String name, Instant createdAt);
}
