package org.supportdesk.domain.port;

import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Each tenant's SLA policies and business calendars, every version kept (§7): a ticket is measured under the versions
 * current when it was filed, so a new version never rewrites the past. Until a tenant sets its own, version 1 is
 * {@link SlaPolicy#defaults()} and a 24/7 calendar.
 */
public interface SlaSettings {
    /** The policy of {@code tenant} with that version; version 1 exists for every tenant. */
    SlaPolicy policy(TenantId tenant, int version);

    /** The calendar of {@code tenant} with that version; version 1 exists for every tenant. */
    BusinessCalendar calendar(TenantId tenant, int version);

    /** The newest policy: the one new tickets are measured under. */
    SlaPolicy currentPolicy(TenantId tenant);

    /** The newest calendar: the one new tickets are measured under. */
    BusinessCalendar currentCalendar(TenantId tenant);

    /** The versions of the newest policy and calendar, which a new ticket is measured under. */
    record CurrentVersions(int policy, int calendar) {}

    /**
     * The newest policy's and calendar's versions, for a store that can tell them without reading the whole policy and
     * calendar (in one round trip: every filing asks).
     */
    default CurrentVersions currentVersions(TenantId tenant) {
        return new CurrentVersions(
                currentPolicy(tenant).version(), currentCalendar(tenant).version());
    }

    /**
     * Stores a new policy version in the surrounding transaction.
     *
     * @throws IllegalArgumentException unless its version is the current one plus one
     */
    void addPolicy(TenantId tenant, SlaPolicy policy);

    /**
     * Stores a new calendar version in the surrounding transaction.
     *
     * @throws IllegalArgumentException unless its version is the current one plus one
     */
    void addCalendar(TenantId tenant, BusinessCalendar calendar);
}
