package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.sla.AlwaysOpen;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.tenant.TenantId;

/**
 * SLA policies and business calendars, every version in its own rows. A tenant that has stored no version 1 is
 * measured under the defaults: {@link SlaPolicy#defaults()} and a 24/7 calendar.
 */
public final class JdbiSlaSettings implements SlaSettings {
    private final TenantScope scope;
    private final InstantSource clock;
    private final StoredVersions<SlaPolicy> storedPolicies;
    private final StoredVersions<BusinessCalendar> storedCalendars;

    JdbiSlaSettings(TenantScope scope, InstantSource clock) {
        this.scope = scope;
        this.clock = clock;
        this.storedPolicies = new StoredVersions<>(scope, "SlaSettings.policy");
        this.storedCalendars = new StoredVersions<>(scope, "SlaSettings.calendar");
    }

    @Override
    public SlaPolicy policy(TenantId tenant, int version) {
        return storedPolicies
                .find(
                        tenant,
                        version,
                        () -> SlaTargetRow.toPolicy(version, dao(tenant).policyTargets(tenant.value(), version)))
                .or(() -> version == 1 ? Optional.of(SlaPolicy.defaults()) : Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException("no SLA policy version " + version + " for " + tenant));
    }

    @Override
    public BusinessCalendar calendar(TenantId tenant, int version) {
        return storedCalendars
                .find(tenant, version, () -> CalendarRow.toDomain(dao(tenant).calendar(tenant.value(), version)))
                .or(() -> version == 1 ? Optional.of(new AlwaysOpen(1)) : Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException("no calendar version " + version + " for " + tenant));
    }

    @Override
    public SlaPolicy currentPolicy(TenantId tenant) {
        return policy(tenant, currentPolicyVersion(tenant));
    }

    @Override
    public BusinessCalendar currentCalendar(TenantId tenant) {
        return calendar(tenant, currentCalendarVersion(tenant));
    }

    @Override
    public CurrentVersions currentVersions(TenantId tenant) {
        return dao(tenant).latestVersions(tenant.value()).toDomain();
    }

    private int currentPolicyVersion(TenantId tenant) {
        return Math.max(1, dao(tenant).latestPolicyVersion(tenant.value()));
    }

    private int currentCalendarVersion(TenantId tenant) {
        return Math.max(1, dao(tenant).latestCalendarVersion(tenant.value()));
    }

    @Override
    public void addPolicy(TenantId tenant, SlaPolicy policy) {
        requireNext(dao(tenant).latestPolicyVersion(tenant.value()), policy.version(), tenant);
        dao(tenant).insertPolicy(tenant.value(), policy.version(), now());
        dao(tenant).insertPolicyTargets(SlaTargetRow.of(tenant, policy));
    }

    @Override
    public void addCalendar(TenantId tenant, BusinessCalendar calendar) {
        requireNext(dao(tenant).latestCalendarVersion(tenant.value()), calendar.version(), tenant);
        dao(tenant).insertCalendar(BusinessCalendarRow.from(tenant, calendar), now());
        if (calendar instanceof WeeklyHoursCalendar weekly) {
            dao(tenant).insertCalendarHours(BusinessHoursRow.of(tenant, weekly));
            dao(tenant)
                    .insertCalendarHolidays(
                            tenant.value(),
                            weekly.version(),
                            weekly.holidays().stream().sorted().toList());
        }
    }

    /** The defaults are version 1 whether stored or not: the first stored version may be 1 (a seed) or 2. */
    private static void requireNext(int stored, int next, TenantId tenant) {
        int expected = Math.max(1, stored) + 1;
        if (next != expected && !(stored == 0 && next == 1)) {
            throw new IllegalArgumentException("the next version for " + tenant + " is " + expected + ", not " + next);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private SlaSettingsDao dao(TenantId tenant) {
        return scope.dao(tenant, SlaSettingsDao.class);
    }
}
