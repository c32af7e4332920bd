package org.supportdesk.adapter.persistence;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSlug;

/**
 * The tenants themselves. The {@code tenants} table has no row-level security: sign-in finds a tenant by slug before
 * it knows which tenant to bind, and background work lists them all, so those two lookups run with or without a
 * transaction ({@link TenantScope#tenantLookups()}); adding a tenant runs in the new tenant's bound transaction.
 */
public final class JdbiTenants implements Tenants {
    private static final String UNIQUE_VIOLATION = "23505";

    private final TenantScope scope;

    JdbiTenants(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<TenantId> bySlug(String slug) {
        try {
            return scope.tenantLookups().idBySlug(slug).map(TenantId::new);
        } catch (RuntimeException failure) {
            throw StoreFailures.translate(failure);
        }
    }

    @Override
    public List<TenantId> all() {
        try {
            return scope.tenantLookups().ids().stream().map(TenantId::new).collect(Collectors.toList());
        } catch (RuntimeException failure) {
            throw StoreFailures.translate(failure);
        }
    }

    @Override
    public void add(TenantId tenant, TenantSlug slug, String name, Instant createdAt) {
        try {
            scope.dao(tenant, TenantDao.class).insert(tenant.value(), slug.value(), name, createdAt);
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new Conflict("A tenant with the slug '" + slug + "' already exists");
            }
            throw e;
        }
    }
}
