package org.supportdesk.adapter.persistence;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.supportdesk.domain.sla.OpeningInterval;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.tenant.TenantId;

/** A {@code business_calendar_hours} row: one opening interval on one day of a calendar version. */
public record BusinessHoursRow(UUID tenantId, int version, int dayOfWeek, int fromMinute, int toMinute) {

    /** The rows of every opening interval of {@code calendar}, Monday first. */
    static List<BusinessHoursRow> of(TenantId tenant, WeeklyHoursCalendar calendar) {
        List<BusinessHoursRow> rows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (OpeningInterval interval : calendar.hours().on(day)) {
                rows.add(new BusinessHoursRow(
                        tenant.value(),
                        calendar.version(),
                        day.getValue(),
                        interval.fromMinute(),
                        interval.toMinute()));
            }
        }
        return rows;
    }

    DayOfWeek day() {
        return DayOfWeek.of(dayOfWeek);
    }

    OpeningInterval interval() {
        return OpeningInterval.ofMinutes(fromMinute, toMinute);
    }
}
