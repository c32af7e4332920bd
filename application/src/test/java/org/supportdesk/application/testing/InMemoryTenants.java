package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSlug;

/** Tenant slugs in a map. */
public final class InMemoryTenants implements Tenants {
    private final TenantBinding binding;
    private final Map<String, TenantId> bySlug = new HashMap<>();

    public InMemoryTenants(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized Optional<TenantId> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    @Override
    public synchronized List<TenantId> all() {
        return bySlug.values().stream()
                .sorted(Comparator.comparing(TenantId::value))
                .toList();
    }

    @Override
    public synchronized void add(TenantId tenant, TenantSlug slug, String name, Instant createdAt) {
        binding.require(tenant);
        if (bySlug.putIfAbsent(slug.value(), tenant) != null) {
            throw new Conflict("A tenant with the slug '" + slug + "' already exists");
        }
    }
}
