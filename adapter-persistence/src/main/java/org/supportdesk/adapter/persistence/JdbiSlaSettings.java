package org.supportdesk.adapter.persistence;

import java.time.DayOfWeek;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.sla.AlwaysOpen;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.OpeningInterval;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.sla.Targets;
import org.supportdesk.domain.sla.WeeklyHours;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Priority;

/**
 * SLA policies and business calendars, every version in its own rows. A tenant that has stored no version 1 is
 * measured under the defaults: {@link SlaPolicy#defaults()} and a 24/7 calendar.
 */
public final class JdbiSlaSettings implements SlaSettings {
    private final Jdbi jdbi;
    private final InstantSource clock;

    public JdbiSlaSettings(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public SlaPolicy policy(TenantId tenant, int version) {
        return jdbi.withHandle(handle -> storedPolicy(handle, tenant, version))
                .or(() -> version == 1 ? Optional.of(SlaPolicy.defaults()) : Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException("no SLA policy version " + version + " for " + tenant));
    }

    @Override
    public BusinessCalendar calendar(TenantId tenant, int version) {
        return jdbi.withHandle(handle -> storedCalendar(handle, tenant, version))
                .or(() -> version == 1 ? Optional.of(new AlwaysOpen(1)) : Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException("no calendar version " + version + " for " + tenant));
    }

    @Override
    public SlaPolicy currentPolicy(TenantId tenant) {
        return policy(tenant, Math.max(1, latestStored(tenant, "sla_policies")));
    }

    @Override
    public BusinessCalendar currentCalendar(TenantId tenant) {
        return calendar(tenant, Math.max(1, latestStored(tenant, "business_calendars")));
    }

    @Override
    public void addPolicy(TenantId tenant, SlaPolicy policy) {
        requireNext(latestStored(tenant, "sla_policies"), policy.version(), tenant);
        jdbi.useHandle(handle -> {
            handle.createUpdate("INSERT INTO sla_policies (tenant_id, version, created_at) VALUES (:t, :v, :now)")
                    .bind("t", tenant.value())
                    .bind("v", policy.version())
                    .bind("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .execute();
            for (Priority priority : Priority.values()) {
                Targets targets = policy.targets(priority);
                handle.createUpdate(
                                """
                                INSERT INTO sla_policy_targets (tenant_id, version, priority, first_response_minutes,
                                    resolution_minutes)
                                VALUES (:t, :v, :priority, :firstResponse, :resolution)
                                """)
                        .bind("t", tenant.value())
                        .bind("v", policy.version())
                        .bind("priority", priority.wireName())
                        .bind("firstResponse", targets.firstResponseMinutes())
                        .bind("resolution", targets.resolutionMinutes())
                        .execute();
            }
        });
    }

    @Override
    public void addCalendar(TenantId tenant, BusinessCalendar calendar) {
        requireNext(latestStored(tenant, "business_calendars"), calendar.version(), tenant);
        Optional<WeeklyHoursCalendar> weekly =
                calendar instanceof WeeklyHoursCalendar w ? Optional.of(w) : Optional.empty();
        jdbi.useHandle(handle -> {
            handle.createUpdate(
                            """
                            INSERT INTO business_calendars (tenant_id, version, always_open, time_zone, created_at)
                            VALUES (:t, :v, :alwaysOpen, :zone, :now)
                            """)
                    .bind("t", tenant.value())
                    .bind("v", calendar.version())
                    .bind("alwaysOpen", weekly.isEmpty())
                    .bind("zone", weekly.map(w -> w.zone().getId()).orElse(null))
                    .bind("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .execute();
            weekly.ifPresent(w -> storeHours(handle, tenant, w));
        });
    }

    private static void storeHours(Handle handle, TenantId tenant, WeeklyHoursCalendar calendar) {
        for (DayOfWeek day : DayOfWeek.values()) {
            for (OpeningInterval interval : calendar.hours().on(day)) {
                handle.createUpdate(
                                """
                                INSERT INTO business_calendar_hours (tenant_id, version, day_of_week, from_minute,
                                    to_minute)
                                VALUES (:t, :v, :day, :from, :to)
                                """)
                        .bind("t", tenant.value())
                        .bind("v", calendar.version())
                        .bind("day", day.getValue())
                        .bind("from", interval.fromMinute())
                        .bind("to", interval.toMinute())
                        .execute();
            }
        }
        for (LocalDate holiday : calendar.holidays()) {
            handle.createUpdate("INSERT INTO business_calendar_holidays (tenant_id, version, day) VALUES (:t, :v, :d)")
                    .bind("t", tenant.value())
                    .bind("v", calendar.version())
                    .bind("d", holiday)
                    .execute();
        }
    }

    private static Optional<SlaPolicy> storedPolicy(Handle handle, TenantId tenant, int version) {
        Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
        handle.createQuery(
                        """
                        SELECT priority, first_response_minutes, resolution_minutes FROM sla_policy_targets
                         WHERE tenant_id = :t AND version = :v
                        """)
                .bind("t", tenant.value())
                .bind("v", version)
                .map((rs, ctx) -> targets.put(
                        Priority.parse(rs.getString("priority")),
                        new Targets(rs.getInt("first_response_minutes"), rs.getInt("resolution_minutes"))))
                .list();
        return targets.isEmpty() ? Optional.empty() : Optional.of(new SlaPolicy(version, targets));
    }

    private static Optional<BusinessCalendar> storedCalendar(Handle handle, TenantId tenant, int version) {
        Optional<String> zone = handle.createQuery(
                        """
                        SELECT coalesce(time_zone, '') FROM business_calendars WHERE tenant_id = :t AND version = :v
                        """)
                .bind("t", tenant.value())
                .bind("v", version)
                .mapTo(String.class)
                .findOne();
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        if (zone.get().isEmpty()) {
            return Optional.of(new AlwaysOpen(version));
        }
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        handle.createQuery(
                        """
                        SELECT day_of_week, from_minute, to_minute FROM business_calendar_hours
                         WHERE tenant_id = :t AND version = :v ORDER BY day_of_week, from_minute
                        """)
                .bind("t", tenant.value())
                .bind("v", version)
                .map((rs, ctx) -> days.computeIfAbsent(DayOfWeek.of(rs.getInt("day_of_week")), d -> new ArrayList<>())
                        .add(OpeningInterval.ofMinutes(rs.getInt("from_minute"), rs.getInt("to_minute"))))
                .list();
        Set<LocalDate> holidays = new HashSet<>(
                handle.createQuery("SELECT day FROM business_calendar_holidays WHERE tenant_id = :t AND version = :v")
                        .bind("t", tenant.value())
                        .bind("v", version)
                        .mapTo(LocalDate.class)
                        .list());
        return Optional.of(new WeeklyHoursCalendar(version, ZoneId.of(zone.get()), WeeklyHours.of(days), holidays));
    }

    /** The newest stored version; 0 when none is, and version 1 is then the defaults. */
    private int latestStored(TenantId tenant, String table) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT coalesce(max(version), 0) FROM " + table + " WHERE tenant_id = :t")
                        .bind("t", tenant.value())
                        .mapTo(Integer.class)
                        .one());
    }

    /** The defaults are version 1 whether stored or not: the first stored version may be 1 (a seed) or 2. */
    private static void requireNext(int stored, int next, TenantId tenant) {
        int expected = Math.max(1, stored) + 1;
        if (next != expected && !(stored == 0 && next == 1)) {
            throw new IllegalArgumentException("the next version for " + tenant + " is " + expected + ", not " + next);
        }
    }
}
