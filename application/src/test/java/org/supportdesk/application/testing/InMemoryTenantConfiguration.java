package org.supportdesk.application.testing;

import java.util.HashMap;
import java.util.Map;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** Tenant settings in a map; unknown tenants have the defaults. */
public final class InMemoryTenantConfiguration implements TenantConfiguration {
    private final Map<TenantId, TenantSettings> settings = new HashMap<>();

    @Override
    public synchronized TenantSettings settings(TenantId tenant) {
        return settings.getOrDefault(tenant, TenantSettings.defaults());
    }

    public synchronized void put(TenantId tenant, TenantSettings tenantSettings) {
        settings.put(tenant, tenantSettings);
    }
}
