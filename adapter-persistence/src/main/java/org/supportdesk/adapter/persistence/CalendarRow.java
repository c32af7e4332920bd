package org.supportdesk.adapter.persistence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.sla.BusinessCalendar;

/**
 * A {@code business_calendars} row joined with one of its opening intervals (all null for a calendar without hours)
 * and carrying its holidays as ISO dates: one statement reads a whole calendar version.
 */
public record CalendarRow(
        UUID tenantId,
        int version,
        boolean alwaysOpen,
        String timeZone,
        String[] holidays,
        Integer dayOfWeek,
        Integer fromMinute,
        Integer toMinute) {

    /** The calendar the rows of one version make up; empty when there are none. */
    static Optional<BusinessCalendar> toDomain(List<CalendarRow> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        CalendarRow calendar = rows.get(0);
        List<BusinessHoursRow> hours = rows.stream()
                .filter(row -> row.dayOfWeek() != null)
                .map(row -> new BusinessHoursRow(
                        row.tenantId(), row.version(), row.dayOfWeek(), row.fromMinute(), row.toMinute()))
                .collect(Collectors.toList());
        Set<LocalDate> holidays =
                Arrays.stream(calendar.holidays()).map(LocalDate::parse).collect(Collectors.toSet());
        return Optional.of(new BusinessCalendarRow(
                        calendar.tenantId(), calendar.version(), calendar.alwaysOpen(), calendar.timeZone())
                .toDomain(hours, holidays));
    }
}
