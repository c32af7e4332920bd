package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSlug;

/**
 * The tenants themselves. The {@code tenants} table has no row-level security: sign-in finds a tenant by slug before
 * it knows which tenant to bind, and background work lists them all.
 */
public final class JdbiTenants implements Tenants {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public JdbiTenants(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<TenantId> bySlug(String slug) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM tenants WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(UUID.class)
                .findOne()
                .map(TenantId::new));
    }

    @Override
    public List<TenantId> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM tenants ORDER BY id")
                .mapTo(UUID.class)
                .map(TenantId::new)
                .list());
    }

    @Override
    public void add(TenantId tenant, TenantSlug slug, String name, Instant createdAt) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO tenants (id, slug, name, created_at) VALUES (:id, :slug, :name, :createdAt)")
                    .bind("id", tenant.value())
                    .bind("slug", slug.value())
                    .bind("name", name)
                    .bind("createdAt", createdAt)
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new Conflict("A tenant with the slug '" + slug + "' already exists");
            }
            throw e;
        }
    }
}
