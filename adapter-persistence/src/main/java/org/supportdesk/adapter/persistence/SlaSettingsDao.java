package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of SLA policy and business calendar versions; the defaults of version 1 are the store's. */
@RegisterConstructorMapper(SlaTargetRow.class)
@RegisterConstructorMapper(BusinessCalendarRow.class)
@RegisterConstructorMapper(BusinessHoursRow.class)
interface SlaSettingsDao {
    @SqlQuery("SELECT coalesce(max(version), 0) FROM sla_policies WHERE tenant_id = :tenant")
    int latestPolicyVersion(UUID tenant);

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

    @SqlQuery(
            """
            SELECT tenant_id, version, always_open, time_zone FROM business_calendars
             WHERE tenant_id = :tenant AND version = :version
            """)
    Optional<BusinessCalendarRow> calendar(UUID tenant, int version);

    @SqlQuery(
            """
            SELECT tenant_id, version, day_of_week, from_minute, to_minute FROM business_calendar_hours
             WHERE tenant_id = :tenant AND version = :version ORDER BY day_of_week, from_minute
            """)
    List<BusinessHoursRow> calendarHours(UUID tenant, int version);

    @SqlQuery("SELECT day FROM business_calendar_holidays WHERE tenant_id = :tenant AND version = :version")
    List<LocalDate> calendarHolidays(UUID tenant, int version);

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
