package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of SLA policy and business calendar versions; the defaults of version 1 are the store's. */
@RegisterConstructorMapper(SlaTargetRow.class)
@RegisterConstructorMapper(CalendarRow.class)
interface SlaSettingsDao {
    @SqlQuery("SELECT coalesce(max(version), 0) FROM sla_policies WHERE tenant_id = :tenant")
    int latestPolicyVersion(UUID tenant);

    /** Both newest versions (0 where none is stored) in one round trip, as {@code policy} and {@code calendar}. */
    @SqlQuery(
            """
            SELECT (SELECT coalesce(max(version), 0) FROM sla_policies WHERE tenant_id = :tenant) AS policy,
                   (SELECT coalesce(max(version), 0) FROM business_calendars WHERE tenant_id = :tenant) AS calendar
            """)
    @RegisterConstructorMapper(SlaVersionsRow.class)
    SlaVersionsRow latestVersions(UUID tenant);

    @SqlQuery("SELECT coalesce(max(version), 0) FROM business_calendars WHERE tenant_id = :tenant")
    int latestCalendarVersion(UUID tenant);

    @SqlQuery(
            """
            SELECT tenant_id, version, priority, first_response_minutes, resolution_minutes FROM sla_policy_targets
             WHERE tenant_id = :tenant AND version = :version
            """)
    List<SlaTargetRow> policyTargets(UUID tenant, int version);

    @SqlUpdate("INSERT INTO sla_policies (tenant_id, version, created_at) VALUES (:tenant, :version, :createdAt)")
    void insertPolicy(UUID tenant, int version, Instant createdAt);

    @SqlBatch(
            """
            INSERT INTO sla_policy_targets (tenant_id, version, priority, first_response_minutes, resolution_minutes)
            VALUES (:tenantId, :version, :priority, :firstResponseMinutes, :resolutionMinutes)
            """)
    void insertPolicyTargets(@BindMethods List<SlaTargetRow> rows);

    /** A calendar version with its opening hours (in day and start order) and holidays, in one round trip. */
    @SqlQuery(
            """
            SELECT c.tenant_id, c.version, c.always_open, c.time_zone,
                   ARRAY(SELECT to_char(d.day, 'YYYY-MM-DD') FROM business_calendar_holidays d
                          WHERE d.tenant_id = c.tenant_id AND d.version = c.version) AS holidays,
                   h.day_of_week, h.from_minute, h.to_minute
              FROM business_calendars c
              LEFT JOIN business_calendar_hours h ON h.tenant_id = c.tenant_id AND h.version = c.version
             WHERE c.tenant_id = :tenant AND c.version = :version
             ORDER BY h.day_of_week, h.from_minute
            """)
    List<CalendarRow> calendar(UUID tenant, int version);

    @SqlUpdate(
            """
            INSERT INTO business_calendars (tenant_id, version, always_open, time_zone, created_at)
            VALUES (:tenantId, :version, :alwaysOpen, :timeZone, :createdAt)
            """)
    void insertCalendar(@BindMethods BusinessCalendarRow row, Instant createdAt);

    @SqlBatch(
            """
            INSERT INTO business_calendar_hours (tenant_id, version, day_of_week, from_minute, to_minute)
            VALUES (:tenantId, :version, :dayOfWeek, :fromMinute, :toMinute)
            """)
    void insertCalendarHours(@BindMethods List<BusinessHoursRow> rows);

    /** Every element of {@code day} is one row; {@code tenant} and {@code version} are the same in each. */
    @SqlBatch("INSERT INTO business_calendar_holidays (tenant_id, version, day) VALUES (:tenant, :version, :day)")
    void insertCalendarHolidays(UUID tenant, int version, List<LocalDate> day);
}
