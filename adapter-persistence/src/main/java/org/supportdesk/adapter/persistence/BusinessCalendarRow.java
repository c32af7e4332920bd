package org.supportdesk.adapter.persistence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.sla.AlwaysOpen;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.OpeningInterval;
import org.supportdesk.domain.sla.WeeklyHours;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.tenant.TenantId;

/** A {@code business_calendars} row: always open, or weekly hours in a time zone (its hours and holidays apart). */
public record BusinessCalendarRow(UUID tenantId, int version, boolean alwaysOpen, String timeZone) {

    static BusinessCalendarRow from(TenantId tenant, BusinessCalendar calendar) {
        return calendar instanceof WeeklyHoursCalendar weekly
                ? new BusinessCalendarRow(
                        tenant.value(), calendar.version(), false, weekly.zone().getId())
                : new BusinessCalendarRow(tenant.value(), calendar.version(), true, null);
    }

    /** The calendar with its opening hours (in day and start order) and holidays. */
    BusinessCalendar toDomain(List<BusinessHoursRow> hours, Set<LocalDate> holidays) {
        if (alwaysOpen) {
            return new AlwaysOpen(version);
        }
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        hours.forEach(
                row -> days.computeIfAbsent(row.day(), d -> new ArrayList<>()).add(row.interval()));
        return new WeeklyHoursCalendar(version, ZoneId.of(timeZone), WeeklyHours.of(days), holidays);
    }
}
