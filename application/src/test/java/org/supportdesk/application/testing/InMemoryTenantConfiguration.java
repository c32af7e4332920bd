package org.supportdesk.application.testing;

import java.util.HashMap;
import java.util.Map;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** Tenant settings in a map; unknown tenants have the defaults, policy and calendar version 1. */
public final class InMemoryTenantConfiguration implements TenantConfiguration {
    private final Map<TenantId, TenantSettings> settings = new HashMap<>();
    private final Map<TenantId, Integer> policyVersions = new HashMap<>();
    private final Map<TenantId, Integer> calendarVersions = new HashMap<>();

    @Override
    public synchronized TenantSettings settings(TenantId tenant) {
        return settings.getOrDefault(tenant, TenantSettings.defaults());
    }

    @Override
    public synchronized int currentPolicyVersion(TenantId tenant) {
        return policyVersions.getOrDefault(tenant, 1);
    }

    @Override
    public synchronized int currentCalendarVersion(TenantId tenant) {
        return calendarVersions.getOrDefault(tenant, 1);
    }

    public synchronized void put(TenantId tenant, TenantSettings tenantSettings) {
        settings.put(tenant, tenantSettings);
    }

    public synchronized void setVersions(TenantId tenant, int policyVersion, int calendarVersion) {
        policyVersions.put(tenant, policyVersion);
        calendarVersions.put(tenant, calendarVersion);
    }
}
