package org.supportdesk.application.testing;

import java.util.HashMap;
import java.util.Map;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** Tenant settings in a map; unknown tenants have the defaults. */
public final class InMemoryTenantConfiguration implements TenantConfiguration, Snapshotting {
    private final TenantBinding binding;
    private Map<TenantId, TenantSettings> settings = new HashMap<>();

    public InMemoryTenantConfiguration(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized TenantSettings settings(TenantId tenant) {
        binding.require(tenant);
        return settings.getOrDefault(tenant, TenantSettings.defaults());
    }

    @Override
    public synchronized void save(TenantId tenant, TenantSettings tenantSettings) {
        binding.require(tenant);
        settings.put(tenant, tenantSettings);
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(settings);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        settings = (Map<TenantId, TenantSettings>) snapshot;
    }
}
