package org.supportdesk.application.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.tenant.TenantId;

/** Every version of every tenant's SLA policy and calendar, in lists; version 1 is the defaults. */
public final class InMemorySlaSettings implements SlaSettings, Snapshotting {
    private final TenantBinding binding;
    private Map<TenantId, List<SlaPolicy>> policies = new HashMap<>();
    private Map<TenantId, List<BusinessCalendar>> calendars = new HashMap<>();

    public InMemorySlaSettings(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized SlaPolicy policy(TenantId tenant, int version) {
        binding.require(tenant);
        return versionOf(policiesOf(tenant), version);
    }

    @Override
    public synchronized BusinessCalendar calendar(TenantId tenant, int version) {
        binding.require(tenant);
        return versionOf(calendarsOf(tenant), version);
    }

    @Override
    public synchronized SlaPolicy currentPolicy(TenantId tenant) {
        binding.require(tenant);
        return latest(policiesOf(tenant), tenant);
    }

    @Override
    public synchronized BusinessCalendar currentCalendar(TenantId tenant) {
        binding.require(tenant);
        return latest(calendarsOf(tenant), tenant);
    }

    @Override
    public synchronized void addPolicy(TenantId tenant, SlaPolicy policy) {
        binding.require(tenant);
        requireNext(policiesOf(tenant).size(), policy.version());
        policies.put(tenant, appended(policiesOf(tenant), policy));
    }

    @Override
    public synchronized void addCalendar(TenantId tenant, BusinessCalendar calendar) {
        binding.require(tenant);
        requireNext(calendarsOf(tenant).size(), calendar.version());
        calendars.put(tenant, appended(calendarsOf(tenant), calendar));
    }

    private List<SlaPolicy> policiesOf(TenantId tenant) {
        return policies.getOrDefault(tenant, List.of());
    }

    private List<BusinessCalendar> calendarsOf(TenantId tenant) {
        return calendars.getOrDefault(tenant, List.of());
    }

    /** The newest version; a tenant has one from its creation on ({@code CreateTenant}). */
    private static <T> T latest(List<T> versions, TenantId tenant) {
        if (versions.isEmpty()) {
            throw new IllegalStateException("tenant " + tenant + " has no SLA settings: was it created?");
        }
        return versions.get(versions.size() - 1);
    }

    private static <T> T versionOf(List<T> versions, int version) {
        if (version < 1 || version > versions.size()) {
            throw new IllegalArgumentException("no version " + version);
        }
        return versions.get(version - 1);
    }

    private static <T> List<T> appended(List<T> versions, T next) {
        List<T> all = new ArrayList<>(versions);
        all.add(next);
        return List.copyOf(all);
    }

    private static void requireNext(int current, int next) {
        if (next != current + 1) {
            throw new IllegalArgumentException("the next version is " + (current + 1) + ", not " + next);
        }
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[] {new HashMap<>(policies), new HashMap<>(calendars)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        Object[] parts = (Object[]) snapshot;
        policies = (Map<TenantId, List<SlaPolicy>>) parts[0];
        calendars = (Map<TenantId, List<BusinessCalendar>>) parts[1];
    }
}
