package org.supportdesk.application.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.tenant.TenantId;

/** Tenant slugs in a map. */
public final class InMemoryTenants implements Tenants {
    private final Map<String, TenantId> bySlug = new HashMap<>();

    @Override
    public synchronized Optional<TenantId> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** Registers a tenant under its slug. */
    public synchronized void add(TenantId tenant, String slug) {
        if (bySlug.putIfAbsent(slug, tenant) != null) {
            throw new IllegalStateException("slug taken: " + slug);
        }
    }
}
